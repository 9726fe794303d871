# isinstance narrows: after `assert isinstance(x, C)` or inside `if isinstance(x, C):`, x is a C, so sibling classes can give one attribute name different types.
# expect: 5 st
# expect: int 7
# expect: str abc
# expect: none
# expect: 12 3


class Base(object):
    pass


class A(Base):
    def __init__(self, x):
        self.x = x


class B(Base):
    def __init__(self, x):
        self.x = x


class C(A):
    pass


def get_a(y):
    assert isinstance(y, A)
    return y.x


def get_b(y):
    assert isinstance(y, B)
    return y.x


def describe(y):
    if isinstance(y, A):
        return "int " + str(y.x)
    elif isinstance(y, B):
        return "str " + y.x
    return "none"


def entry_point(argv):
    items = [A(5), B("st"), C(7), B("abc"), None]
    print(get_a(items[0]), get_b(items[1]))
    for i in range(2, 5):
        print(describe(items[i]))
    total = 0
    for y in items:
        if y is not None:
            if isinstance(y, A):
                total += y.x
    print(total, len(items) - 2)
    return 0


def target(driver, args):
    return entry_point, None
