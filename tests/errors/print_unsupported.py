# `print()` of values and keywords that are not supported yet.


class Thing(object):
    pass


def entry_point(argv):
    print(Thing())
    print("x", file=None)
    print(1, sep=0)
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0210]: not RPython (yet): printing a value of type `Thing instance`
#  --> tests/errors/print_unsupported.py:9:5
#   |
# 9 |     print(Thing())
#   |     ^^^^^^^^^^^^^^ not supported by the translator
#
# error[E0210]: not RPython (yet): the `print()` keyword `file`
#   --> tests/errors/print_unsupported.py:10:5
#    |
# 10 |     print("x", file=None)
#    |     ^^^^^^^^^^^^^^^^^^^^^ not supported by the translator
#
# error[E0210]: the `print()` keyword `sep` must be a `str`, not `int`
#   --> tests/errors/print_unsupported.py:11:5
#    |
# 11 |     print(1, sep=0)
#    |     ^^^^^^^^^^^^^^^ in this call
#
# error: translation failed with 3 errors
