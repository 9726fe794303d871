# A variable that holds one of two functions is not supported yet.


def double(x):
    return x * 2


def triple(x):
    return x * 3


def entry_point(argv):
    f = double
    if len(argv) > 1:
        f = triple
    print(f(5))
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0200]: `f` cannot be both `function double` and `function triple`
#   --> tests/errors/union_functions.py:15:13
#    |
# 13 |     f = double
#    |         ------ this is `function double`
# 14 |     if len(argv) > 1:
# 15 |         f = triple
#    |             ^^^^^^ this is `function triple`
#    |
#    = note: a variable that holds one of several functions or objects is not supported yet; call each one directly
#
# error: translation failed with 1 error
