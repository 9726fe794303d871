# Classes and instances are not supported yet: instantiation, attributes, methods.


class Point(object):
    def __init__(self, x):
        self.x = x

    def norm(self):
        return abs(self.x)


ORIGIN = Point(0)


def entry_point(argv):
    p = Point(1)
    print(ORIGIN.x)
    print(ORIGIN.norm())
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0210]: not RPython (yet): instantiating class `Point`
#   --> tests/errors/classes_instances.py:16:9
#    |
# 16 |     p = Point(1)
#    |         ^^^^^^^^ classes are not supported yet
#
# error[E0210]: not RPython (yet): classes and instances (attribute `x` of `Point instance`)
#   --> tests/errors/classes_instances.py:17:11
#    |
# 17 |     print(ORIGIN.x)
#    |           ^^^^^^^^ not supported by the translator
#
# error[E0210]: not RPython (yet): classes and instances (method `norm` of `Point instance`)
#   --> tests/errors/classes_instances.py:18:11
#    |
# 18 |     print(ORIGIN.norm())
#    |           ^^^^^^^^^^^^^ not supported by the translator
#
# error: translation failed with 3 errors
