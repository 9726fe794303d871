# The entry point takes exactly one argument, the list of command-line arguments.


def entry_point(argv, verbose):
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0201]: the entry point must take exactly one argument (argv)
#  --> tests/errors/entry_point_arguments.py:4:1
#   |
# 4 | def entry_point(argv, verbose):
#   | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ this function takes 2 arguments
#   |
#   = note: the entry point is called with the list of the command-line arguments
#
# error: translation failed with 1 error
