# Lists that meet (here as items of one list) share their item type.


def entry_point(argv):
    rows = [[1, 2]]
    rows.append(argv)
    print(len(rows))
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0202]: a list cannot hold both `int` and `str`
#  --> tests/errors/list_nested.py:6:5
#   |
# 5 |     rows = [[1, 2]]
#   |             ------ this list has `int` items
# 6 |     rows.append(argv)
#   |     ^^^^^^^^^^^^^^^^^ two lists with different items are used as one here
#   |
#   = note: RPython lists are homogeneous: lists that meet share one item type
#
# error: translation failed with 1 error
