# `None` does not mix with an `int`; the note says what RPython allows.


def find(items, x):
    result = None
    i = 0
    while i < len(items):
        if items[i] == x:
            result = i
        i += 1
    return result


def entry_point(argv):
    print(find(argv, "a"))
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0200]: `result` cannot be both `None` and `int`
#  --> tests/errors/union_none_int.py:9:22
#   |
# 5 |     result = None
#   |              ---- this is `None`
# ...
# 9 |             result = i
#   |                      ^ this is `int`
#   |
#   = note: RPython allows `None` only together with strings, lists and instances
#
# error: translation failed with 1 error
