# expect: 0.1 0.3333333333333333 0.6666666666666666 1e+16 1e-05 2.5 -0.0 0.0
# expect: 0.1 1e+16 1e-05 -0.0
# expect: 1e+301 -1e+301 1e+300
# expect: inf -inf inf inf inf True
# expect: nan nan nan
# expect: 1.0 100.0 1000000000000000.0 1e+17 123456789.125 1e+22 0.0001 0.001
# expect: 0.30000000000000004 1.2100000000000002 0.30000000000000004 33.333333333333336
# expect: 1.4142135623730951 2.718281828459045 3.141592653589793
# expect: 5e-324 1.7976931348623157e+308 2.2250738585072014e-308
# expect: -1.5 -123.456 1e+100 1.5e-10 9007199254740992.0
# expect: 3.5 6.5 -6.5
# expect: 0.1
# expect: 0.01
# expect: 0.001
# expect: 0.0001
# expect: 1e-05
# expect: 3.0|0.25|-7.5
def entry_point(argv):
    print(0.1, 1 / 3, 2 / 3, 1e16, 1e-5, 2.5, -0.0, 0.0)
    print(str(0.1), str(1e16), str(1e-5), str(-0.0))
    big = 1e300
    print(big * 10, -big * 10, big)
    inf = big * big
    print(inf, -inf, 1e300 * 1e10, str(inf), inf + 1.0, inf > 1e308)
    print(inf - inf, str(inf - inf), inf * 0.0)
    print(1.0, 100.0, 1e15, 1e17, 123456789.125, 1e22, 1e-4, 0.001)
    print(0.1 + 0.2, 1.1 * 1.1, 3.0 * 0.1, 100.0 / 3.0)
    print(1.4142135623730951, 2.718281828459045, 3.141592653589793)
    print(5e-324, 1.7976931348623157e308, 2.2250738585072014e-308)
    print(-1.5, -123.456, 1e100, 1.5e-10, 9007199254740993.0)
    print(float(7) / 2, 7.0 - 0.5, 0.5 - 7.0)
    x = 1.0
    for i in range(5):
        x = x / 10.0
        print(x)
    print(str(3.0) + "|" + str(0.25) + "|" + str(-7.5))
    return 0


def target(driver, args):
    return entry_point, None
