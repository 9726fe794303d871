# A prebuilt list (a module global) whose items have different types.

TABLE = [1, "one", 2]


def entry_point(argv):
    print(TABLE[0])
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0202]: a list cannot hold both `int` and `str`
#  --> tests/errors/list_prebuilt_mixed.py:7:11
#   |
# 7 |     print(TABLE[0])
#   |           ^^^^^^^^ this prebuilt list has `int` and `str` items
#   |
#   = note: RPython lists are homogeneous: all items have one type
#
# error: translation failed with 1 error
