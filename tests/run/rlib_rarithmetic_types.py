# rarithmetic: r_uint, r_uint32/r_int32 wrapping, r_longlong, intmask, ovfcheck_float_to_int,
# highest_bit, int_between, mulmod, LONG_BIT.
# expect: r_uint -1 15 21
# expect: 32-bit 1 -2147483648 4294967294
# expect: longlong 6 3 64
# expect: float to int 3 -2
# expect: 1e30 overflows
# expect: bits 0 10 True False
# expect: mulmod 6917529027641082006
# expect: ge zero 0 5
from rpython.rlib.rarithmetic import (r_uint, r_uint32, r_int32, r_longlong, r_ulonglong, intmask,
                                      ovfcheck_float_to_int, highest_bit, int_between, mulmod,
                                      int_force_ge_zero, LONG_BIT)


def entry_point(argv):
    a = r_uint(0) - r_uint(1)
    print("r_uint", intmask(a), intmask(a >> 60), intmask(r_uint(7) * r_uint(3)))
    b = r_uint32(0xffffffff) + r_uint32(2)
    c = r_int32(0x7fffffff) + r_int32(1)
    print("32-bit", intmask(b), intmask(c), intmask(r_uint32(3) - r_uint32(5)))
    print("longlong", r_longlong(5) + 1, intmask(r_ulonglong(10) // r_ulonglong(3)), LONG_BIT)
    print("float to int", ovfcheck_float_to_int(3.9), ovfcheck_float_to_int(-2.5))
    try:
        ovfcheck_float_to_int(1e30)
    except OverflowError:
        print("1e30 overflows")
    print("bits", highest_bit(1), highest_bit(1024), int_between(1, 5, 9), int_between(1, 9, 9))
    print("mulmod", mulmod(4611686018427387904, 4611686018427387905, 9223372036854775783))
    print("ge zero", int_force_ge_zero(-5), int_force_ge_zero(5))
    return 0


def target(driver, args):
    return entry_point, None
