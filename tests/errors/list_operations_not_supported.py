# Operations on lists and tuples that the translator does not support yet, or that are not
# RPython.


def entry_point(argv):
    if len(argv) in (1, 2):
        print("few")
    if argv < argv:
        print("less")
    twice = argv * 1.5
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0210]: not RPython (yet): `in` on a `tuple[int, int]`
#  --> tests/errors/list_operations_not_supported.py:6:8
#   |
# 6 |     if len(argv) in (1, 2):
#   |        ^^^^^^^^^^^^^^^^^^^ not supported by the translator
#
# error[E0210]: unsupported operand types for `<`: `list[str]` and `list[str]`
#  --> tests/errors/list_operations_not_supported.py:8:8
#   |
# 6 |     if len(argv) in (1, 2):
#   |        ------------------- this is `list[str]`
# 7 |         print("few")
# 8 |     if argv < argv:
#   |        ^^^^^^^^^^^ in this operation
#
# error[E0210]: unsupported operand types for `*`: `list[str]` and `float`
#   --> tests/errors/list_operations_not_supported.py:10:13
#    |
#  6 |     if len(argv) in (1, 2):
#    |        ------------------- this is `list[str]`
# ...
# 10 |     twice = argv * 1.5
#    |             ^^^^^^^^^^ in this operation
#
# error: translation failed with 3 errors
