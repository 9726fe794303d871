# Operations on types that do not support them; each operand's type is shown where it came from.


def name_of(argv):
    return argv[0]


def entry_point(argv):
    s = argv[0]
    print(s - 1)
    print(len(argv) + "a")
    print(-s)
    print(name_of(argv) * 2.5)
    s[0] = "x"
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0210]: unsupported operand types for `-`: `str` and `int`
#   --> tests/errors/operand_types.py:10:11
#    |
#  9 |     s = argv[0]
#    |         ------- this is `str`
# 10 |     print(s - 1)
#    |           ^^^^^ in this operation
#
# error[E0210]: unsupported operand types for `+`: `int` and `str`
#   --> tests/errors/operand_types.py:11:11
#    |
# 11 |     print(len(argv) + "a")
#    |           ^^^^^^^^^^^^^^^ in this operation
#
# error[E0210]: bad operand type for unary `-`: `str`
#   --> tests/errors/operand_types.py:12:11
#    |
#  9 |     s = argv[0]
#    |         ------- this is `str`
# ...
# 12 |     print(-s)
#    |           ^^ in this operation
#
# error[E0210]: `str` does not support item assignment
#   --> tests/errors/operand_types.py:14:5
#    |
#  9 |     s = argv[0]
#    |         ------- this is `str`
# ...
# 14 |     s[0] = "x"
#    |     ^^^^ immutable
#
# error[E0210]: unsupported operand types for `*`: `str` and `float`
#   --> tests/errors/operand_types.py:13:11
#    |
#  5 |     return argv[0]
#    |            ------- `name_of()` returns `str` here
# ...
# 13 |     print(name_of(argv) * 2.5)
#    |           ^^^^^^^^^^^^^^^^^^^ in this operation
#
# error: translation failed with 5 errors
