# `range()` with a constant zero step.


def entry_point(argv):
    for i in range(0, 10, 0):
        print(i)
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0104]: `range()` step must not be zero
#  --> tests/errors/range_zero_step.py:5:27
#   |
# 5 |     for i in range(0, 10, 0):
#   |                           ^ this is zero
#
# error: translation failed with 1 error
