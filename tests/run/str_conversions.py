# int(s, base) and float(s) with Python's syntax and ValueError.
# expect: 255 255 255 -5 35 1000 5 VE 3 VE -9223372036854775808 VE
# expect: 1.5 -2000.0 inf -inf nan VE 10.5 VE VE 0.5 inf
def tryint(s, b):
    try:
        return str(int(s, b))
    except ValueError:
        return "VE"
    except OverflowError:
        return "OE"

def tryfloat(s):
    try:
        return str(float(s))
    except ValueError:
        return "VE"

def entry_point(argv):
    print(tryint("ff", 16), tryint("0xff", 16), tryint("0xff", 0), tryint(" -101 ", 2), tryint("z", 36), tryint("1_000", 10), tryint("12", 3), tryint("", 10), tryint("0b11", 0), tryint("010", 0), tryint("-9223372036854775808", 10), tryint("1__0", 10))
    print(tryfloat("1.5"), tryfloat(" -2e3 "), tryfloat("inf"), tryfloat("-Infinity"), tryfloat("nan"), tryfloat("abc"), tryfloat("1_0.5"), tryfloat("0x10"), tryfloat(""), tryfloat(".5"), tryfloat("1e400"))
    return 0


def target(driver, args):
    return entry_point, None
