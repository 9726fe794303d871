# Integer constants that do not fit in 64 bits: a literal and a module global.

BIG = 2 ** 64


def entry_point(argv):
    x = 123456789012345678901234567890
    print(BIG)
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0107]: integer constant 123456789012345678901234567890 does not fit in a machine word
#  --> tests/errors/int_too_large.py:7:9
#   |
# 7 |     x = 123456789012345678901234567890
#   |         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ too large
#
# error[E0107]: integer constant 18446744073709551616 does not fit in a machine word
#  --> tests/errors/int_too_large.py:8:11
#   |
# 8 |     print(BIG)
#   |           ^^^ this constant
#
# error: translation failed with 2 errors
