# A list that gets a float, then a str.


def entry_point(argv):
    values = [1.5]
    values.append(argv[0])
    print(len(values))
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0202]: a list cannot hold both `float` and `str`
#  --> tests/errors/list_float_str.py:6:5
#   |
# 5 |     values = [1.5]
#   |              ----- the items are `float` because of this
# 6 |     values.append(argv[0])
#   |     ^^^^^^^^^^^^^^^^^^^^^^ this puts a `str` in the list
#   |
#   = note: RPython lists are homogeneous: all items have one type
#
# error: translation failed with 1 error
