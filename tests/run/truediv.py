# expect: 3.5 2.0 0.25 -3.5 0.0 -0.3333333333333333
# expect: 3.5 0.125 -2.25 3.3333333333333335
# expect: 3.5 3.5 0.1 0.2
# expect: 2.3333333333333335 3.0
# expect: 3.142857142857143 22.0 3
# expect: 1.0 10.0
# expect: 4503599627370496.0 142857.14285714287
# expect: 2.9289682539682538
# expect: 3.5 2.5 4.5 -3.0
# expect: 3.75 0.30000000000000004 -1.5
def average(a, b, c):
    return (a + b + c) / 3


def entry_point(argv):
    print(7 / 2, 6 / 3, 1 / 4, -7 / 2, 0 / 5, -1 / 3)
    print(7.0 / 2.0, 1.0 / 8.0, -9.0 / 4.0, 10.0 / 3.0)
    print(7 / 2.0, 7.0 / 2, 1 / 10, 2 / 10)
    print(average(1, 2, 4), average(3, 3, 3))
    x = 22
    y = 7
    ratio = x / y
    print(ratio, ratio * y, int(ratio))
    print(1 / 3 + 1 / 3 + 1 / 3, 10 / 4 * 4)
    print(2 ** 53 / 2, 1000000 / 7)
    total = 0.0
    for i in range(1, 11):
        total += 1 / i
    print(total)
    f = 3.0
    print(f + 0.5, f - 0.5, f * 1.5, -f)
    print(1.5 + 2.25, 0.1 * 3, 2.0 - 3.5)
    return 0


def target(driver, args):
    return entry_point, None
