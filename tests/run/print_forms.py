# expect: one
# expect: a b c
# expect: 1 2.5 True False None text -7
# expect:
# expect: xy
# expect: x, y
# expect: 1-2-3
# expect: no newline -> continued
# expect: custom end!
# expect: a+b=
# expect: a  b
# expect:
# expect:
# expect: after empty end
# expect: 0,1,2,
# expect: 0.5 -0.25 3.0 1e+20 1e-07
# expect: True False
# expect: tab	sep	x
# expect: multi
# expect: line
# expect: p/q/r
# expect: 3: chars.
def entry_point(argv):
    print("one")
    print("a", "b", "c")
    print(1, 2.5, True, False, None, "text", -7)
    print()
    print("x", "y", sep="")
    print("x", "y", sep=", ")
    print(1, 2, 3, sep="-")
    print("no newline", end="")
    print(" -> continued")
    print("custom end", end="!\n")
    print("a", "b", sep="+", end="=\n")
    print("a", "", "b")
    print("")
    print(sep="::")
    print(end="")
    print("after empty end")
    for i in range(3):
        print(i, end=",")
    print()
    print(0.5, -0.25, 3.0, 1e20, 1e-7)
    print(True, not True)
    print("tab\tsep", "x", sep="\t")
    print("multi\nline")
    sep = "/"
    print("p", "q", "r", sep=sep)
    print(len("abc"), "chars", sep=": ", end=".\n")
    return 0


def target(driver, args):
    return entry_point, None
