# Helpers of the `rpython` library that the translator does not support yet.
from rpython.rlib.objectmodel import specialize
from rpython.rlib.rarithmetic import intmask


@specialize.arg(0)
def show(x):
    print(x)


def entry_point(argv):
    show(1)
    print(intmask(len(argv)))
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0213]: not RPython (yet): `show` asks for `specialize:arg(0)`
#   --> tests/errors/rlib_not_supported.py:12:5
#    |
#  7 | def show(x):
#    | ------------ defined here
# ...
# 12 |     show(1)
#    |     ^^^^^^^ called here
#    |
#    = note: the translator does not specialise functions yet
#
# error: translation failed with 1 error
