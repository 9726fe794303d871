# A function decorated with `@not_rpython` cannot be called from translated code.
from rpython.rlib.objectmodel import not_rpython


@not_rpython
def build_table():
    return [1, 2, 3]


def entry_point(argv):
    print(len(build_table()))
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0210]: `build_table` is marked `@not_rpython` and cannot be called from translated code
#   --> tests/errors/not_rpython.py:11:15
#    |
#  6 | def build_table():
#    | ------------------ defined here
# ...
# 11 |     print(len(build_table()))
#    |               ^^^^^^^^^^^^^ called here
#    |
#    = note: `@not_rpython` functions run only on CPython, at import time
#
# error: translation failed with 1 error
