# An argument that is a `str` at one call and an `int` (its default) at another.


def describe(x=0):
    print(x)


def entry_point(argv):
    describe(argv[0])
    describe()
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0200]: the argument `x` of `describe()` cannot be both `str` and `int`
#   --> tests/errors/union_argument.py:10:5
#    |
#  9 |     describe(argv[0])
#    |              ------- this is `str`
# 10 |     describe()
#    |     ^^^^^^^^^^ this is `int`
#    |
#    = note: RPython gives every variable a single type; convert explicitly or use separate variables
#
# error: translation failed with 1 error
