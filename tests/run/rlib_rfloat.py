# rfloat: isinf/isnan/isfinite, formatd with 'e', 'f', 'g', 'r' and flags, round_double, copysign,
# string_to_float.
# args: 2.5 0.125 1e100
# expect: True True False True False
# expect: True False False 12
# expect: 3.14 3 3.142e+00 3.142
# expect: 1.23e+06 0.00012 100
# expect: 1 1.0 0.1
# expect: 1e+16 1.5e-07 -0
# expect: +2.000 2.00 5.e+00
# expect: 1e+11 1.23456e+05 3.0 0.5
# expect: 1.1e+9 1.1e-09 1.23E+02
# expect: 0.12 0.38 2.67 0
# expect: inf -inf nan 10000000000000000000000.0
# expect: 4.94066e-324 1.7976931348623157e+308
# expect: 3.0 2.0 0.13 2.67
# expect: 1200.0 -0.0 0.33333
# expect: -3.0 2.0 -1.0
# expect: 0.1 -0.0015 inf -inf 5e-324
# expect: invalid literal for float()
# expect: 2.5000e+00 2.500 2.5
# expect: 1.2500e-01 0.125 0.125
# expect: 1.0000e+100 10000000000000000159028911097599180468360808563945281389781327557747838772170381060813469985856815104.000 1e+100
from rpython.rlib.rfloat import (INFINITY, NAN, isinf, isnan, isfinite, formatd, round_double,
                                 copysign, DTSF_ADD_DOT_0, DTSF_SIGN, DTSF_ALT, DTSF_CUT_EXP_0,
                                 DTSF_STR_PRECISION, string_to_float)
from rpython.rlib.rstring import ParseStringError


def entry_point(argv):
    print(isinf(INFINITY), isinf(-INFINITY), isinf(1e308), isnan(NAN), isnan(1.0))
    print(isfinite(1.0), isfinite(INFINITY), isfinite(NAN), DTSF_STR_PRECISION)
    x = 3.14159265358979
    print(formatd(x, 'f', 2), formatd(x, 'f', 0), formatd(x, 'e', 3), formatd(x, 'g', 4))
    print(formatd(1234567.0, 'g', 3), formatd(0.0001234, 'g', 2), formatd(100.0, 'g', 6))
    print(formatd(1.0, 'r', 0), formatd(1.0, 'r', 0, DTSF_ADD_DOT_0), formatd(0.1, 'r', 0))
    print(formatd(1e16, 'r', 0, DTSF_ADD_DOT_0), formatd(1.5e-7, 'r', 0), formatd(-0.0, 'r', 0))
    print(formatd(2.0, 'f', 3, DTSF_SIGN), formatd(2.0, 'g', 3, DTSF_ALT), formatd(5.0, 'e', 0, DTSF_ALT))
    print(formatd(1e11, 'g', 12, DTSF_ADD_DOT_0), formatd(123456.0, 'g', 6, DTSF_ADD_DOT_0),
          formatd(3.0, 'g', 12, DTSF_ADD_DOT_0), formatd(0.5, 'g', 12, DTSF_ADD_DOT_0))
    print(formatd(1.1e9, 'g', 2, DTSF_CUT_EXP_0), formatd(1.1e-9, 'e', 1), formatd(123.0, 'E', 2))
    print(formatd(0.125, 'f', 2), formatd(0.375, 'f', 2), formatd(2.675, 'f', 2), formatd(0.5, 'f', 0))
    print(formatd(INFINITY, 'f', 2), formatd(-INFINITY, 'e', 2), formatd(NAN, 'g', 2), formatd(1e22, 'f', 1))
    print(formatd(5e-324, 'e', 5), formatd(1.7976931348623157e308, 'g', 17))
    print(round_double(2.5, 0), round_double(2.5, 0, True), round_double(0.125, 2), round_double(2.675, 2))
    print(round_double(1234.5678, -2), round_double(-0.4, 0), round_double(1.0 / 3.0, 5))
    print(copysign(3.0, -1.0), copysign(-2.0, 0.0), copysign(1.0, -0.0))
    print(string_to_float(" 0.1 "), string_to_float("-1.5e-3"), string_to_float("1e400"),
          string_to_float("-inf"), string_to_float("2.4703282292062328e-324"))
    try:
        string_to_float("1.2.3")
    except ParseStringError as e:
        print(e.msg)
    for i in range(1, len(argv)):
        v = string_to_float(argv[i])
        print(formatd(v, 'e', 4), formatd(v, 'f', 3), formatd(v, 'g', DTSF_STR_PRECISION, DTSF_ADD_DOT_0))
    return 0


def target(driver, args):
    return entry_point, None
