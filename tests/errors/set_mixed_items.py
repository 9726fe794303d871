# A set display whose items have different types: sets are dicts from the items to None.


def entry_point(argv):
    seen = {1, "two"}
    return len(seen)


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0204]: a dict cannot hold keys of different types
#  --> tests/errors/set_mixed_items.py:5:12
#   |
# 5 |     seen = {1, "two"}
#   |            ^^^^^^^^^^ this key does not fit the dict
#   |
#   = note: RPython dicts have one key type and one value type
#
# error: translation failed with 1 error
