# r_uint: wrapping unsigned arithmetic, unsigned comparison, division and shifts, intmask back.
# expect: 18446744073709551615 True 9223372036854775807 5 15 -1 18446744073709551615
# expect: 21 22 2.0 5 29 20 -4569957541214041919 5381
# expect: True -5 9223372036854775805
from rpython.rlib.rarithmetic import r_uint, intmask


def hash_str(s):
    h = r_uint(5381)
    for c in s:
        h = (h << 5) + h + r_uint(ord(c))
    return intmask(h)


def entry_point(argv):
    a = r_uint(0) - r_uint(1)
    print(a, a > r_uint(5), a // r_uint(2), a % r_uint(10), a >> 60, intmask(a), str(a))
    b = r_uint(3)
    b *= 7
    print(b, b + 1, float(r_uint(2)), b & 5, b | 8, b ^ 1, hash_str("hello world"), hash_str(""))
    x = r_uint(-5)
    print(x > r_uint(100), intmask(x), intmask(x >> 1))
    return 0


def target(driver, args):
    return entry_point, None
