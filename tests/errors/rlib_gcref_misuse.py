# rgc's GCREF helpers given a GCREF that may be None, a value that is not a GCREF, and an
# instance where a class is expected.
from rpython.rlib import rgc


class Node:
    pass


def maybe(n):
    if n > 0:
        return Node()
    return None


def entry_point(argv):
    g = rgc.cast_instance_to_gcref(maybe(len(argv)))
    a = rgc.get_rpy_memory_usage(g)
    b = rgc.get_rpy_type_index(Node())
    c = rgc.cast_instance_to_gcref([1])
    d = rgc.try_cast_gcref_to_instance(Node(), g)
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0210]: `get_rpy_type_index()` takes a GCREF, not an instance
#   --> tests/errors/rlib_gcref_misuse.py:19:9
#    |
# 19 |     b = rgc.get_rpy_type_index(Node())
#    |         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ make one with `rgc.cast_instance_to_gcref()`
#
# error[E0210]: `cast_instance_to_gcref()` does not accept an argument of type `list[int]`
#   --> tests/errors/rlib_gcref_misuse.py:20:9
#    |
# 20 |     c = rgc.cast_instance_to_gcref([1])
#    |         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in this call
#
# error[E0210]: `get_rpy_memory_usage()` of a GCREF that may be None
#   --> tests/errors/rlib_gcref_misuse.py:18:9
#    |
# 18 |     a = rgc.get_rpy_memory_usage(g)
#    |         ^^^^^^^^^^^^^^^^^^^^^^^^^^^ assert that it is not None before this call
#
# error[E0210]: `try_cast_gcref_to_instance()` does not accept an argument of type `Node instance`, `GCREF or None`
#   --> tests/errors/rlib_gcref_misuse.py:21:9
#    |
# 21 |     d = rgc.try_cast_gcref_to_instance(Node(), g)
#    |         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in this call
#
# error: translation failed with 4 errors
