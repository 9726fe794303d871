# Tuples are indexed by constants only, within their length.


def entry_point(argv):
    pair = (1, "one")
    print(pair[len(argv)])
    print(pair[2])
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0210]: tuples can only be indexed by constants
#  --> tests/errors/tuple_index.py:6:11
#   |
# 6 |     print(pair[len(argv)])
#   |           ^^^^^^^^^^^^^^^ index is not a constant
#
# error[E0210]: tuple index 2 is out of range for a tuple of 2 items
#  --> tests/errors/tuple_index.py:7:11
#   |
# 7 |     print(pair[2])
#   |           ^^^^^^^ index out of range
#
# error: translation failed with 2 errors
