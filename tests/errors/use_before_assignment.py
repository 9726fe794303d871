# Local variables used where they may not be assigned: after an `if`, after a loop.


def entry_point(argv):
    if len(argv) > 1:
        first = argv[1]
    print(first)
    for i in range(len(argv)):
        pass
    print(i)
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0105]: local variable `first` may be used before it is assigned
#  --> tests/errors/use_before_assignment.py:7:11
#   |
# 7 |     print(first)
#   |           ^^^^^ not assigned on every path to here
#   |
#   = note: a local variable must be assigned on every path to its use, including the path where a loop runs zero times
#
# error[E0105]: local variable `i` may be used before it is assigned
#   --> tests/errors/use_before_assignment.py:10:11
#    |
# 10 |     print(i)
#    |           ^ not assigned on every path to here
#    |
#    = note: a local variable must be assigned on every path to its use, including the path where a loop runs zero times
#
# error: translation failed with 2 errors
