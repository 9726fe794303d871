# `print()` of values and keywords that are not supported yet.


def entry_point(argv):
    print(argv)
    print((1, 2))
    print(b"bytes")
    print("x", file=None)
    print(1, sep=0)
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0210]: not RPython (yet): printing a value of type `list[str]`
#  --> tests/errors/print_unsupported.py:5:5
#   |
# 5 |     print(argv)
#   |     ^^^^^^^^^^^ not supported by the translator
#
# error[E0210]: not RPython (yet): printing a value of type `tuple[int, int]`
#  --> tests/errors/print_unsupported.py:6:5
#   |
# 6 |     print((1, 2))
#   |     ^^^^^^^^^^^^^ not supported by the translator
#
# error[E0210]: not RPython (yet): printing a value of type `bytes`
#  --> tests/errors/print_unsupported.py:7:5
#   |
# 7 |     print(b"bytes")
#   |     ^^^^^^^^^^^^^^^ not supported by the translator
#
# error[E0210]: not RPython (yet): the `print()` keyword `file`
#  --> tests/errors/print_unsupported.py:8:5
#   |
# 8 |     print("x", file=None)
#   |     ^^^^^^^^^^^^^^^^^^^^^ not supported by the translator
#
# error[E0210]: the `print()` keyword `sep` must be a `str`, not `int`
#  --> tests/errors/print_unsupported.py:9:5
#   |
# 9 |     print(1, sep=0)
#   |     ^^^^^^^^^^^^^^^ in this call
#
# error: translation failed with 5 errors
