# The entry point's result is the exit status: it must be an int.


def entry_point(argv):
    return argv[0]


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0203]: the entry point must return an `int`, not `str`
#  --> tests/errors/entry_point_result.py:5:12
#   |
# 5 |     return argv[0]
#   |            ^^^^^^^ this is `str`
#   |
#   = note: the entry point's result is the exit status of the program
#
# error: translation failed with 1 error
