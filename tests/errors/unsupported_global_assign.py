# Module globals are constants after import: assigning one declared `global` is an error.

COUNTER = 0


def bump():
    global COUNTER
    COUNTER = COUNTER + 1
    COUNTER += 1


def entry_point(argv):
    bump()
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0102]: assignment to the global variable `COUNTER`
#  --> tests/errors/unsupported_global_assign.py:8:5
#   |
# 8 |     COUNTER = COUNTER + 1
#   |     ^^^^^^^ module globals are constants after import
#   |
#   = note: RPython programs may read globals but not rebind them; keep mutable state in an object or a list
#
# error[E0102]: assignment to the global variable `COUNTER`
#  --> tests/errors/unsupported_global_assign.py:9:5
#   |
# 9 |     COUNTER += 1
#   |     ^^^^^^^ module globals are constants after import
#   |
#   = note: RPython programs may read globals but not rebind them; keep mutable state in an object or a list
#
# error: translation failed with 2 errors
