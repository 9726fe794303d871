# The entry point cannot be a function marked `@not_rpython`.
from rpython.rlib.objectmodel import not_rpython


@not_rpython
def entry_point(argv):
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0210]: the entry point `entry_point` is marked `@not_rpython`
#  --> tests/errors/entry_point_not_rpython.py:6:1
#   |
# 6 | def entry_point(argv):
#   | ^^^^^^^^^^^^^^^^^^^^^^ the entry point
#
# error: translation failed with 1 error
