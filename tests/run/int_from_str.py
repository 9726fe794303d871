# args: 123 -45 +6 0
# expect: 42 -17 5 0 0
# expect: 42 42 -8 9
# expect: 12 7 -123
# expect: 9223372036854775807 -9223372036854775808
# expect: 1000234
# expect: 84
# expect: 246 -50 6 0
# expect: 314!
# expect: -9223372036854775808 12 -3
# expect: 123456789 123456790
# expect: 123
def parse_all(argv):
    total = 0
    i = 1
    while i < len(argv):
        total += int(argv[i])
        i += 1
    return total


def entry_point(argv):
    print(int("42"), int("-17"), int("+5"), int("0"), int("-0"))
    print(int("  42"), int("42  "), int("  -8  "), int(" +9 "))
    print(int("\t12\n"), int("007"), int("-000123"))
    print(int("9223372036854775807"), int("-9223372036854775808"))
    print(int("1000000") + int("234"))
    print(parse_all(argv))
    print(int(argv[1]) * 2, int(argv[2]) - 5, int(argv[3]), int(argv[4]))
    print(str(int("  314  ")) + "!")
    print(str(-9223372036854775807 - 1), str(12), str(-3))
    digits = ""
    for i in range(10):
        digits += str(i)
    print(int(digits), int(digits) + 1)
    print(int(str(123) + str(456)) // 1000)
    return 0


def target(driver, args):
    return entry_point, None
