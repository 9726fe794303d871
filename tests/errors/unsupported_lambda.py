# A `lambda` inside a function is not supported yet (a lambda at module level is).


def entry_point(argv):
    double = lambda x: x * 2
    print(double(len(argv)))
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0100]: not RPython (yet): `lambda` expressions
#  --> tests/errors/unsupported_lambda.py:5:14
#   |
# 5 |     double = lambda x: x * 2
#   |              ^^^^^^^^^^^^^^^ not supported by the translator
#
# error: translation failed with 1 error
