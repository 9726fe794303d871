# A list cannot contain itself (its type would be infinite).


def entry_point(argv):
    items = []
    items.append(items)
    print(len(items))
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0210]: not RPython (yet): a list that contains itself
#  --> tests/errors/list_contains_itself.py:6:5
#   |
# 6 |     items.append(items)
#   |     ^^^^^^^^^^^^^^^^^^^ this puts a list into itself
#
# error: translation failed with 1 error
