# Helpers of the `rpython` library that the translator does not support yet.
from rpython.rlib.jit import virtual_ref
from rpython.rlib.rarithmetic import intmask


class Frame(object):
    pass


def entry_point(argv):
    ref = virtual_ref(Frame())
    print(intmask(len(argv)))
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0213]: not RPython (yet): `rpython.rlib.jit.virtual_ref` is not supported by the translator
#   --> tests/errors/rlib_not_supported.py:11:11
#    |
# 11 |     ref = virtual_ref(Frame())
#    |           ^^^^^^^^^^^^^^^^^^^^ called here
#
# error: translation failed with 1 error
