# Builtins and library functions the translator does not support yet.
import os


def entry_point(argv):
    print(os.path.join("a", "b"))
    print(hash(argv))
    print(frozenset(argv))
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0106]: unknown name `frozenset`
#  --> tests/errors/builtins_not_supported.py:8:11
#   |
# 8 |     print(frozenset(argv))
#   |           ^^^^^^^^^ not a local, a global of the module, or a builtin
#
# error: translation failed with 1 error
