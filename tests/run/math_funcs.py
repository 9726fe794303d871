# The math module: functions, constants, and ValueError/OverflowError when caught.
# expect: 1.4142135623730951 2.718281828459045 0.6931471805599453 3.0 3.0 2 3 -3
# expect: 0.479425538604203 0.8775825618903728 0.4636476090008061 1024.0 1.5 5.0 3.0
# expect: False False 3.141592653589793 2.718281828459045 0.25 -3 3.0
# expect: domain
# expect: overflow
import math

def entry_point(argv):
    x = 2.0
    print(math.sqrt(x), math.exp(1.0), math.log(x), math.log(8.0, 2.0), math.log10(1000.0), math.floor(2.7), math.ceil(2.1), math.floor(-2.5))
    print(math.sin(0.5), math.cos(0.5), math.atan2(1.0, 2.0), math.pow(2.0, 10.0), math.fmod(7.5, 2.0), math.hypot(3.0, 4.0), math.fabs(-3.0))
    print(math.isnan(x), math.isinf(x), math.pi, math.e, math.modf(3.25)[0], math.trunc(-3.7), math.sqrt(9))
    try:
        math.sqrt(-1.0)
    except ValueError:
        print("domain")
    try:
        math.exp(1000.0)
    except OverflowError:
        print("overflow")
    return 0


def target(driver, args):
    return entry_point, None
