# A target file without a `target()` function.


def entry_point(argv):
    return 0

# ---- expected
# error: tests/errors/no_target.py defines no target() function
