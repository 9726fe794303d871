# The variable of a comprehension is local to it (as in Python 3), and iterating over a
# value that is not iterable is reported inside the comprehension.


def entry_point(argv):
    squares = [i * i for i in range(10)]
    print(i)
    bad = [c for c in len(argv)]
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0106]: unknown name `i`
#  --> tests/errors/comprehension_scope.py:7:11
#   |
# 7 |     print(i)
#   |           ^ not a local, a global of the module, or a builtin
#
# error: translation failed with 1 error
