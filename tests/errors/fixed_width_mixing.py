# Integers of different signedness do not mix: two narrow fixed-width types, a narrow one and
# r_uint, in arithmetic, in a comparison, and joined in one variable.
from rpython.rlib.rarithmetic import r_int32, r_uint32, r_int16, r_uint, r_uint8, r_int8


def entry_point(argv):
    n = len(argv)
    a = r_uint32(n) + r_int32(n)
    b = r_uint(n) * r_int16(n)
    c = r_int8(n) < r_uint8(n)
    if n > 1:
        x = r_int32(n)
    else:
        x = r_uint32(n)
    print(a, b, c, x)
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0210]: unsupported operand types for `+`: `r_uint32` and `r_int32`
#  --> tests/errors/fixed_width_mixing.py:8:9
#   |
# 8 |     a = r_uint32(n) + r_int32(n)
#   |         ^^^^^^^^^^^^^^^^^^^^^^^^ in this operation
#   |
#   = note: integers of different signedness do not mix; convert one explicitly (`intmask(x)`, `r_uint(x)`, `r_int32(x)`, ...)
#
# error[E0210]: unsupported operand types for `*`: `r_uint` and `r_int16`
#  --> tests/errors/fixed_width_mixing.py:9:9
#   |
# 9 |     b = r_uint(n) * r_int16(n)
#   |         ^^^^^^^^^^^^^^^^^^^^^^ in this operation
#   |
#   = note: integers of different signedness do not mix; convert one explicitly (`intmask(x)`, `r_uint(x)`, `r_int32(x)`, ...)
#
# error[E0210]: unsupported operand types for `<`: `r_int8` and `r_uint8`
#   --> tests/errors/fixed_width_mixing.py:10:9
#    |
# 10 |     c = r_int8(n) < r_uint8(n)
#    |         ^^^^^^^^^^^^^^^^^^^^^^ in this operation
#    |
#    = note: integers of different signedness do not mix; convert one explicitly (`intmask(x)`, `r_uint(x)`, `r_int32(x)`, ...)
#
# error[E0200]: `x` cannot be both `r_int32` and `r_uint32`
#   --> tests/errors/fixed_width_mixing.py:14:13
#    |
# 12 |         x = r_int32(n)
#    |             ---------- this is `r_int32`
# 13 |     else:
# 14 |         x = r_uint32(n)
#    |             ^^^^^^^^^^^ this is `r_uint32`
#    |
#    = note: RPython gives every variable a single type; convert explicitly or use separate variables
#
# error: translation failed with 4 errors
