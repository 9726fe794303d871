# `x.__class__` of an instance is its class, as `type(x)`: compared with `is` and passed to
# `promote`.
# expect: classes True False True
# expect: promoted True
from rpython.rlib.jit import promote


class Box(object):
    def __init__(self, v):
        self.v = v


class IntBox(Box):
    pass


class StrBox(Box):
    pass


def make(n):
    if n > 1:
        return StrBox(n)
    return IntBox(n)


def entry_point(argv):
    b = make(len(argv))
    print("classes", b.__class__ is IntBox, b.__class__ is StrBox, type(b) is b.__class__)
    print("promoted", promote(b.__class__) is IntBox)
    return 0


def target(driver, args):
    return entry_point, None
