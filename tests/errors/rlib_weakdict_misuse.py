# Weak dicts given a value class that is not an RPython class, a key class they do not take, a
# value of another class, a key of the wrong type, and a method they do not have.
from rpython.rlib.rweakref import RWeakKeyDictionary, RWeakValueDictionary


class Node:
    pass


class Other:
    pass


def entry_point(argv):
    a = RWeakValueDictionary(str, int)
    b = RWeakKeyDictionary(str, Node)
    d = RWeakValueDictionary(str, Node)
    d.set("x", Other())
    d.get(3)
    k = RWeakKeyDictionary(Node, Node)
    k.set(Node(), [1])
    n = d.length()
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0210]: the value class of `RWeakValueDictionary()` must be an RPython class, not `int`
#   --> tests/errors/rlib_weakdict_misuse.py:15:9
#    |
# 15 |     a = RWeakValueDictionary(str, int)
#    |         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in this call
#
# error[E0210]: the key class of `RWeakKeyDictionary()` must be an RPython class, not `str`
#   --> tests/errors/rlib_weakdict_misuse.py:16:9
#    |
# 16 |     b = RWeakKeyDictionary(str, Node)
#    |         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in this call
#
# error[E0210]: the values of this `RWeakValueDictionary` are `Node` instances (or None), not `Other instance`
#   --> tests/errors/rlib_weakdict_misuse.py:18:5
#    |
# 18 |     d.set("x", Other())
#    |     ^^^^^^^^^^^^^^^^^^^ this value does not fit
#
# error[E0210]: the key of this `RWeakValueDictionary` is `str`, not `int`
#   --> tests/errors/rlib_weakdict_misuse.py:19:5
#    |
# 19 |     d.get(3)
#    |     ^^^^^^^^ this key does not fit
#
# error[E0210]: the values of this `RWeakKeyDictionary` are `Node` instances (or None), not `list[int]`
#   --> tests/errors/rlib_weakdict_misuse.py:21:5
#    |
# 21 |     k.set(Node(), [1])
#    |     ^^^^^^^^^^^^^^^^^^ this value does not fit
#
# error[E0210]: an `RWeakValueDictionary` has no method `length`
#   --> tests/errors/rlib_weakdict_misuse.py:22:9
#    |
# 22 |     n = d.length()
#    |         ^^^^^^^^^^ in this call
#
# error: translation failed with 6 errors
