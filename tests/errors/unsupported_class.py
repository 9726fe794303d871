# Class definitions inside functions are not RPython.


def entry_point(argv):
    class Local:
        pass
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0100]: not RPython (yet): class definitions
#  --> tests/errors/unsupported_class.py:5:5
#   |
# 5 |     class Local:
#   |     ^^^^^^^^^^^^ not supported by the translator
#
# error: translation failed with 1 error
