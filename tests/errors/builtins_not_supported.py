# Builtins and library functions the translator does not support yet.
import math
import os


def entry_point(argv):
    for i, a in enumerate(argv):
        print(i)
    print(sorted(argv))
    print(isinstance(argv, list))
    print(math.sqrt(2.0))
    print(os.path.join("a", "b"))
    print(float("1.5"))
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0210]: not RPython (yet): the builtin `enumerate`
#  --> tests/errors/builtins_not_supported.py:7:17
#   |
# 7 |     for i, a in enumerate(argv):
#   |                 ^^^^^^^^^^^^^^^ not supported by the translator
#
# error[E0210]: not RPython (yet): the builtin `sorted`
#  --> tests/errors/builtins_not_supported.py:9:11
#   |
# 9 |     print(sorted(argv))
#   |           ^^^^^^^^^^^^ not supported by the translator
#
# error[E0210]: `isinstance()` does not accept an argument of type `list[str]`, `builtin list`
#   --> tests/errors/builtins_not_supported.py:10:11
#    |
# 10 |     print(isinstance(argv, list))
#    |           ^^^^^^^^^^^^^^^^^^^^^^ in this call
#
# error[E0210]: not RPython (yet): `math.sqrt`, from a module outside the program
#   --> tests/errors/builtins_not_supported.py:11:11
#    |
# 11 |     print(math.sqrt(2.0))
#    |           ^^^^^^^^^^^^^^ not supported by the translator
#
# error[E0210]: not RPython (yet): `os.path.join`, from a module outside the program
#   --> tests/errors/builtins_not_supported.py:12:11
#    |
# 12 |     print(os.path.join("a", "b"))
#    |           ^^^^^^^^^^^^^^^^^^^^^^ not supported by the translator
#
# error[E0210]: not RPython (yet): `float()` of a value of type `str`
#   --> tests/errors/builtins_not_supported.py:13:11
#    |
# 13 |     print(float("1.5"))
#    |           ^^^^^^^^^^^^ not supported by the translator
#
# error: translation failed with 6 errors
