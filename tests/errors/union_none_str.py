# `None` mixed with a `str` is valid RPython but not supported by the translator yet.


def first_long(items):
    for s in items:
        if len(s) > 3:
            return s
    return None


def entry_point(argv):
    print(first_long(argv))
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0200]: the return value of `first_long()` cannot be both `None` and `str`
#  --> tests/errors/union_none_str.py:5:9
#   |
# 5 |     for s in items:
#   |         ^ this is `str`
# ...
# 8 |     return None
#   |     ----------- this is `None`
#   |
#   = note: `None` mixed with a string or a list is valid RPython, but the translator does not support it yet
#
# error: translation failed with 1 error
