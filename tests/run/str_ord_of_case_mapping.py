# ord() of a str that is not a constant (a character's lower() or upper(), which the full case
# mapping may lengthen) checks the length when the program runs: CPython's TypeError otherwise.
# expect: 904 83
# expect: TypeError
def entry_point(argv):
    s = "Hello"
    t = 0
    for c in s:
        t += ord(c.lower()) + ord(c.upper())
    print(t, ord("ß".upper()[0]))
    try:
        print(ord("ß".upper()))
    except TypeError:
        print("TypeError")
    return 0
def target(driver, args):
    return entry_point, None
