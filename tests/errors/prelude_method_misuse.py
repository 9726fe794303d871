# Methods implemented in RPython by the translator's prelude, called with arguments of the wrong
# types: the error is reported at the call in the program.


def entry_point(argv):
    print("abc".find(5))
    items = [1, 2, 3]
    items.insert(0, "zero")
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0202]: a list cannot hold both `int` and `str`
#  --> tests/errors/prelude_method_misuse.py:8:5
#   |
# 7 |     items = [1, 2, 3]
#   |             --------- the items are `int` because of this
# 8 |     items.insert(0, "zero")
#   |     ^^^^^^^^^^^^^^^^^^^^^^^ in this operation
#   |
#   = note: RPython lists are homogeneous: all items have one type
#   = note: found in `list_insert`, the translator's RPython implementation of this operation
#
# error[E0210]: `int` has no `len()`
#  --> tests/errors/prelude_method_misuse.py:6:11
#   |
# 6 |     print("abc".find(5))
#   |           ^^^^^^^^^^^^^ in this operation
#   |
#   = note: found in `_find`, the translator's RPython implementation of this operation
#
# error: translation failed with 2 errors
