# `raise` statements are not supported yet.


def check(n):
    if n < 0:
        raise ValueError("negative")
    return n


def entry_point(argv):
    print(check(len(argv)))
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0100]: not RPython (yet): `raise` statements
#  --> tests/errors/unsupported_raise.py:6:9
#   |
# 6 |         raise ValueError("negative")
#   |         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ not supported by the translator
#
# error: translation failed with 1 error
