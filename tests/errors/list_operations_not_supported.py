# Operations on lists and tuples that the translator does not support yet, or that are not
# RPython.


def entry_point(argv):
    if len(argv) in (1, "two"):
        print("few")
    if argv < argv:
        print("less")
    twice = argv * 1.5
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0210]: cannot iterate over `tuple[int, str]`: its items have different types
#  --> tests/errors/list_operations_not_supported.py:6:8
#   |
# 6 |     if len(argv) in (1, "two"):
#   |        ^^^^^^^^^^^^^^^^^^^^^^^ in this operation
#   |
#   = note: found in `op_contains_tuple`, the translator's RPython implementation of this operation
#
# error[E0210]: unsupported operand types for `<`: `list[str]` and `list[str]`
#  --> tests/errors/list_operations_not_supported.py:8:8
#   |
# 6 |     if len(argv) in (1, "two"):
#   |        ----------------------- this is `list[str]`
# 7 |         print("few")
# 8 |     if argv < argv:
#   |        ^^^^^^^^^^^ in this operation
#
# error[E0210]: unsupported operand types for `*`: `list[str]` and `float`
#   --> tests/errors/list_operations_not_supported.py:10:13
#    |
#  6 |     if len(argv) in (1, "two"):
#    |        ----------------------- this is `list[str]`
# ...
# 10 |     twice = argv * 1.5
#    |             ^^^^^^^^^^ in this operation
#
# error: translation failed with 3 errors
