# A variable that is an int on one path and a str on another.


def pick(flag):
    if flag:
        x = 1
    else:
        x = "one"
    return x


def entry_point(argv):
    print(pick(len(argv) > 1))
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0200]: the return value of `pick()` cannot be both `int` and `str`
#  --> tests/errors/union_int_str.py:8:13
#   |
# 6 |         x = 1
#   |             - this is `int`
# 7 |     else:
# 8 |         x = "one"
#   |             ^^^^^ this is `str`
#   |
#   = note: RPython gives every variable a single type; convert explicitly or use separate variables
#
# error: translation failed with 1 error
