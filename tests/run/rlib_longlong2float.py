# rpython.rlib.longlong2float: a float's IEEE 754 bits as a signed 64-bit integer and back,
# round trips including -0.0, infinities and NaN.
# expect: 0 -9223372036854775808 4607182418800017408 -4611686018427387904
# expect: 9218868437227405312 -4503599627370496 9221120237041090560
# expect: 1.0 -2.0 inf True 5e-324
# expect: True True True True
from rpython.rlib.longlong2float import float2longlong, longlong2float


def entry_point(argv):
    inf = 1e300 * 1e300
    print(float2longlong(0.0), float2longlong(-0.0), float2longlong(1.0), float2longlong(-2.0))
    print(float2longlong(inf), float2longlong(-inf), float2longlong(inf - inf) & 0x7FFFFFFFFFFFFFFF)
    nan = longlong2float(9221120237041090560)
    print(longlong2float(4607182418800017408), longlong2float(-4611686018427387904),
          longlong2float(9218868437227405312), nan != nan, longlong2float(1))
    ok = True
    for x in [0.1, -3.5e100, 2.0 ** -1074, 123456.789]:
        ok = ok and longlong2float(float2longlong(x)) == x
    print(ok, float2longlong(0.5) > 0, float2longlong(-0.5) < 0,
          longlong2float(float2longlong(-0.0)) == 0.0)
    return 0


def target(driver, args):
    return entry_point, None
