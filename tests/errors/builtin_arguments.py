# Builtins called with arguments of the wrong type or number.
import os


def entry_point(argv):
    print(len(5))
    print(chr("a"))
    print(int(argv))
    print(abs(1, 2))
    os.write(1, "text")
    print(ord("ab"))
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0210]: `int` has no `len()`
#  --> tests/errors/builtin_arguments.py:6:11
#   |
# 6 |     print(len(5))
#   |           ^^^^^^ in this call
#
# error[E0210]: `chr()` does not accept an argument of type `str`
#  --> tests/errors/builtin_arguments.py:7:11
#   |
# 7 |     print(chr("a"))
#   |           ^^^^^^^^ in this call
#
# error[E0210]: `int()` does not accept an argument of type `list[str]`
#  --> tests/errors/builtin_arguments.py:8:11
#   |
# 8 |     print(int(argv))
#   |           ^^^^^^^^^ in this call
#
# error[E0210]: `abs()` takes exactly one argument but 2 were given
#  --> tests/errors/builtin_arguments.py:9:11
#   |
# 9 |     print(abs(1, 2))
#   |           ^^^^^^^^^ in this call
#
# error[E0210]: `os.write()` takes an `int` and a `bytes`, not `int`, `str`
#   --> tests/errors/builtin_arguments.py:10:5
#    |
# 10 |     os.write(1, "text")
#    |     ^^^^^^^^^^^^^^^^^^^ in this call
#
# error[E0210]: `ord()` needs a one-character string
#   --> tests/errors/builtin_arguments.py:11:11
#    |
# 11 |     print(ord("ab"))
#    |           ^^^^^^^^^ this `str` is not known to have exactly one character
#
# error: translation failed with 6 errors
