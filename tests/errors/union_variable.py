# A variable that is an int on one path and a str on another: both assignments are shown.


def entry_point(argv):
    x = len(argv)
    if x > 1:
        x = argv[1]
    print(x)
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0200]: `x` cannot be both `int` and `str`
#  --> tests/errors/union_variable.py:7:13
#   |
# 5 |     x = len(argv)
#   |         --------- this is `int`
# 6 |     if x > 1:
# 7 |         x = argv[1]
#   |             ^^^^^^^ this is `str`
#   |
#   = note: RPython gives every variable a single type; convert explicitly or use separate variables
#
# error: translation failed with 1 error
