# An uncaught builtin ValueError ends the program with exit status 1 after the output so far.
# fatal: ValueError
# args: 12 x7 5
# expect: parsed 12
# expect: total 12


def parse(s):
    v = 0
    for i in range(len(s)):
        c = s[i]
        if c < "0" or c > "9":
            raise ValueError("not a digit")
        v = v * 10 + ord(c) - ord("0")
    return v


def entry_point(argv):
    total = 0
    for i in range(1, len(argv)):
        if i == 2:
            print("total", total)
        try:
            n = parse(argv[i])
        except IndexError:
            n = 0
        print("parsed", n)
        total += n
    print("not reached", total)
    return 0


def target(driver, args):
    return entry_point, None
