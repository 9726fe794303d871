# Weak references to values that are not instances, to an instance that may be None, and a
# weakref called with an argument.
import weakref


class Node:
    pass


def maybe(n):
    if n > 0:
        return Node()
    return None


def entry_point(argv):
    a = weakref.ref([1, 2])
    b = weakref.ref(maybe(len(argv)))
    w = weakref.ref(Node())
    c = w(1)
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0210]: `weakref.ref()` takes an instance of a class, not `list[int]`
#   --> tests/errors/rlib_weakref_misuse.py:17:9
#    |
# 17 |     a = weakref.ref([1, 2])
#    |         ^^^^^^^^^^^^^^^^^^^ in this call
#
# error[E0210]: a weakref is called without arguments
#   --> tests/errors/rlib_weakref_misuse.py:20:9
#    |
# 20 |     c = w(1)
#    |         ^^^^ in this call
#
# error[E0210]: `weakref.ref()` of a value that may be None
#   --> tests/errors/rlib_weakref_misuse.py:18:9
#    |
# 18 |     b = weakref.ref(maybe(len(argv)))
#    |         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ assert that it is not None before taking a weakref to it
#
# error: translation failed with 3 errors
