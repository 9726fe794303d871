# `range()` is supported only in the header of a `for` loop.


def entry_point(argv):
    r = range(len(argv))
    for i in list(range(3)):
        print(i)
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0210]: not RPython (yet): `range()` outside the header of a `for` loop
#  --> tests/errors/range_outside_for.py:5:9
#   |
# 5 |     r = range(len(argv))
#   |         ^^^^^^^^^^^^^^^^ not supported by the translator
#
# error[E0210]: not RPython (yet): `range()` outside the header of a `for` loop
#  --> tests/errors/range_outside_for.py:6:19
#   |
# 6 |     for i in list(range(3)):
#   |                   ^^^^^^^^ not supported by the translator
#
# error: translation failed with 2 errors
