# Two unrelated classes meeting in one variable: both origins are shown, and a common base is
# suggested.


class Circle(object):
    def __init__(self, r):
        self.r = r


class Square(object):
    def __init__(self, side):
        self.side = side


def make(kind):
    if kind == 0:
        shape = Circle(1)
    else:
        shape = Square(2)
    return shape


def entry_point(argv):
    make(len(argv))
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0200]: the return value of `make()` cannot be both `Circle instance` and `Square instance`
#   --> tests/errors/classes_instances.py:19:17
#    |
# 17 |         shape = Circle(1)
#    |                 --------- this is `Circle instance`
# 18 |     else:
# 19 |         shape = Square(2)
#    |                 ^^^^^^^^^ this is `Square instance`
#    |
#    = note: `Circle` and `Square` have no common base class: give them one (a class both derive from) so that one variable can hold either
#
# error: translation failed with 1 error
