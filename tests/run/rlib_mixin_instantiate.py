# objectmodel.import_from_mixin into unrelated classes, and instantiate(cls) without __init__.
# expect: A 1 2 3
# expect: B 5 10 reset 0 5
# expect: C base 7 1 2
# expect: instantiated 10 11 12 A
# expect: shape square 9
# expect: shape circle 12
# expect: no init False
from rpython.rlib.objectmodel import import_from_mixin, instantiate


class CounterMixin:
    STEP = 1

    def __init__(self):
        self.count = 0

    def incr(self):
        self.count += self.STEP
        return self.count

    def reset(self):
        self.count = 0


class A:
    import_from_mixin(CounterMixin)

    def name(self):
        return "A"


class B:
    import_from_mixin(CounterMixin)
    STEP = 5


class Base:
    def base_value(self):
        return 7


class C(Base):
    import_from_mixin(CounterMixin)


class Shape:
    def __init__(self):
        self.initialized = True

    def kind(self):
        return "shape"

    def area(self):
        return 0


class Square(Shape):
    def kind(self):
        return "square"

    def area(self):
        return self.size * self.size


class Circle(Shape):
    def kind(self):
        return "circle"

    def area(self):
        return 3 * self.size * self.size


SHAPES = [Square, Circle]


def entry_point(argv):
    a = A()
    print(a.name(), a.incr(), a.incr(), a.incr())
    b = B()
    x1 = b.incr()
    x2 = b.incr()
    b.reset()
    x3 = b.count
    print("B", x1, x2, "reset", x3, b.incr())
    c = C()
    print("C base", c.base_value(), c.incr(), c.incr())
    n = instantiate(A)
    n.count = 10
    print("instantiated", n.count, n.incr(), n.incr(), n.name())
    for i in range(len(SHAPES)):
        s = instantiate(SHAPES[i])
        s.size = 3 - i + len(argv) - 1
        s.initialized = False
        print("shape", s.kind(), s.area())
    s2 = instantiate(Square)
    s2.initialized = False
    print("no init", s2.initialized)
    return 0


def target(driver, args):
    return entry_point, None
