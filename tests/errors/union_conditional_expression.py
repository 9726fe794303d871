# A conditional expression whose branches have different types.


def entry_point(argv):
    label = len(argv) if len(argv) > 2 else "few"
    print(label)
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0200]: the value of this conditional expression cannot be both `str` and `int`
#  --> tests/errors/union_conditional_expression.py:5:13
#   |
# 5 |     label = len(argv) if len(argv) > 2 else "few"
#   |             ^^^^^^^^^ this is `int`         ----- this is `str`
#   |
#   = note: RPython gives every variable a single type; convert explicitly or use separate variables
#
# error: translation failed with 1 error
