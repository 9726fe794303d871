# expect: 3 -3 0 0 10000000000 7
# expect: 3.0 -2.0 0.0 2.5 1000000000000000.0
# expect: False True True False True True
# expect: 5 5 0 2.5 1.25 0.0
# expect: 1 1 -5 1.5
# expect: 3 3 4 3.5
# expect: 7 -2.0 -1.5
# expect: 0 3 4 0 1
# expect: 65 97 48 32 126 10 233
# expect: A ab 0 ~
# expect: 200 1 True
# expect: abcdefghijklmnopqrstuvwxyz
# expect: Ifmmp
# expect: 0 -42 1234567890123 78
def entry_point(argv):
    print(int(3.7), int(-3.7), int(0.5), int(-0.5), int(1e10), int(7))
    print(float(3), float(-2), float(0), float(2.5), float(10 ** 15))
    print(bool(0), bool(1), bool(-3), bool(0.0), bool(0.1), bool(-0.5))
    print(abs(-5), abs(5), abs(0), abs(-2.5), abs(1.25), abs(-0.0))
    print(min(3, 1), min(3, 1, 2), min(-1, -5, 0, 4), min(2.5, 1.5))
    print(max(3, 1), max(3, 1, 2), max(-1, -5, 0, 4), max(2.5, 1.5, 3.5))
    print(min(7, 7), max(-2.0, -3.0), min(1.5, -1.5, 0.5))
    print(len(""), len("abc"), len([1, 2, 3, 4]), len([]), len("\n"))
    print(ord("A"), ord("a"), ord("0"), ord(" "), ord("~"), ord("\n"), ord("\xe9"))
    print(chr(65), chr(97) + chr(98), chr(48), chr(126))
    print(ord(chr(200)), len(chr(0)), chr(0) == "\x00")
    s = ""
    for i in range(26):
        s += chr(ord("a") + i)
    print(s)
    shifted = ""
    for c in "Hello":
        shifted += chr(ord(c) + 1)
    print(shifted)
    print(str(0), str(-42), str(1234567890123), str(7) + str(8))
    return 0


def target(driver, args):
    return entry_point, None
