# Subscripting an instance calls its __getitem__: a class without one is an error at the
# subscript.
class A(object):
    def __init__(self):
        self.x = 1


def entry_point(argv):
    a = A()
    print(a[0])
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0210]: `A` instances have no method `__getitem__`
#   --> tests/errors/special_method_missing.py:10:11
#    |
# 10 |     print(a[0])
#    |           ^^^^ in this operation
#    |
#    = note: found in `op_getitem_inst`, the translator's RPython implementation of this operation
#
# error: translation failed with 1 error
