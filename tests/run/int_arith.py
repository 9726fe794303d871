# expect: 12 -5 -42 9
# expect: 7 2 3 1 True
# expect: -7 2 -4 1 True
# expect: 7 -2 -4 -1 True
# expect: -7 -2 3 -1 True
# expect: 0 5 0 0 True
# expect: -1 10 -1 9 True
# expect: 10 10 1 0 True
# expect: -10 10 -1 0 True
# expect: 123456789 -1000 -123457 -211 True
# expect: 1 1024 243 -8 81 1 1000000000000000000
# expect: 49 -49 49
# expect: -5 5 5
# expect: 5
# expect: -2
# expect: 9223372036854775807 -9223372036854775808
# expect: 4611686018427387904 9223372036854775807
# expect: 740650005
def show_divmod(a, b):
    print(a, b, a // b, a % b, (a // b) * b + a % b == a)


def entry_point(argv):
    print(7 + 5, 7 - 12, 7 * -6, -(-9))
    show_divmod(7, 2)
    show_divmod(-7, 2)
    show_divmod(7, -2)
    show_divmod(-7, -2)
    show_divmod(0, 5)
    show_divmod(-1, 10)
    show_divmod(10, 10)
    show_divmod(-10, 10)
    show_divmod(123456789, -1000)
    print(2 ** 0, 2 ** 10, 3 ** 5, (-2) ** 3, (-3) ** 4, 0 ** 0, 10 ** 18)
    base = 7
    print(base ** 2, -base ** 2, (-base) ** 2)
    x = 5
    print(-x, - -x, -(x - 10))
    print(1 + 2 * 3 - 4 // 2 % 3)
    print((1 + 2) * (3 - 4) // 2)
    print(9223372036854775807, -9223372036854775807 - 1)
    n = 1
    for i in range(62):
        n = n * 2
    print(n, n - 1 + n)
    print(1000000007 * 1000000007 % 998244353)
    return 0


def target(driver, args):
    return entry_point, None
