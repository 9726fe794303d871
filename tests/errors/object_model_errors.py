# Programs outside the object model: a method overridden with an incompatible signature, an
# attribute read that nothing writes, multiple inheritance.


class Shape(object):
    def __init__(self):
        self.size = 1

    def area(self, scale):
        return self.size * scale


class Square(Shape):
    def area(self, scale, extra):
        return self.size * scale + extra


class Node(object):
    def __init__(self):
        self.value = 0


class A(object):
    pass


class B(object):
    pass


class AB(A, B):
    pass


def overridden(argv):
    s = Shape()
    if len(argv) > 1:
        s = Square()
    return s.area(2)


def never_written():
    n = Node()
    return n.missing


def several_bases():
    ab = AB()
    return 1


def entry_point(argv):
    print(overridden(argv), never_written(), several_bases())
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0211]: `Square.area()` is missing the argument `extra`
#   --> tests/errors/object_model_errors.py:39:12
#    |
# 14 |     def area(self, scale, extra):
#    |     ----------------------------- defined here
# ...
# 39 |     return s.area(2)
#    |            ^^^^^^^^^ in this call
#
# error[E0223]: class `AB` has several bases: multiple inheritance is not RPython (also `B`)
#   --> tests/errors/object_model_errors.py:48:10
#    |
# 48 |     ab = AB()
#    |          ^^^^ instantiated here
#    |
#    = note: RPython classes have one base; copy a mixin's methods into a class with `rpython.rlib.objectmodel.import_from_mixin`
#
# error[E0222]: the attribute `missing` of `Node` instances is read but never written
#   --> tests/errors/object_model_errors.py:44:12
#    |
# 44 |     return n.missing
#    |            ^^^^^^^^^ read here
#    |
#    = note: an instance attribute must be assigned (usually in `__init__`) before it is read
#
# error: translation failed with 3 errors
