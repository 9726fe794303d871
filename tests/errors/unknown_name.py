# A name that is neither a local, a global of the module, nor a builtin.


def entry_point(argv):
    print(lenght(argv))
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0106]: unknown name `lenght`
#  --> tests/errors/unknown_name.py:5:11
#   |
# 5 |     print(lenght(argv))
#   |           ^^^^^^ not a local, a global of the module, or a builtin
#
# error: translation failed with 1 error
