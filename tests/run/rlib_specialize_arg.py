# specialize.arg (one graph per constant argument: classes, flags) and specialize.ll.
# expect: 3 6 value=5 6 1 x
from rpython.rlib.objectmodel import specialize


class A(object):
    def __init__(self, v):
        self.v = v


class B(object):
    def __init__(self, v):
        self.v = v * 2


@specialize.arg(0)
def make(cls, v):
    return cls(v)


@specialize.arg(1)
def fmt(x, verbose):
    if verbose:
        return "value=" + str(x)
    return str(x)


@specialize.ll()
def first(l):
    return l[0]


def entry_point(argv):
    a = make(A, 3)
    b = make(B, 3)
    print(a.v, b.v, fmt(5, True), fmt(6, False), first([1, 2]), first(["x"]))
    return 0


def target(driver, args):
    return entry_point, None
