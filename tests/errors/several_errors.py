# Several errors in one program, in the flow builder and the annotator, are all reported.


def broken_flow(x):
    class Local:
        pass
    return missing_name + x


def broken_types(x):
    y = 1
    if x:
        y = "one"
    return y


def entry_point(argv):
    print(broken_flow(1))
    print(broken_types(len(argv)))
    print(argv + 1)
    argv.frobnicate()
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0100]: not RPython (yet): class definitions
#  --> tests/errors/several_errors.py:5:5
#   |
# 5 |     class Local:
#   |     ^^^^^^^^^^^^ not supported by the translator
#
# error[E0106]: unknown name `missing_name`
#  --> tests/errors/several_errors.py:7:12
#   |
# 7 |     return missing_name + x
#   |            ^^^^^^^^^^^^ not a local, a global of the module, or a builtin
#
# error[E0210]: unsupported operand types for `+`: `list[str]` and `int`
#   --> tests/errors/several_errors.py:20:11
#    |
# 20 |     print(argv + 1)
#    |           ^^^^^^^^ in this operation
#
# error[E0210]: `list[str]` has no method `frobnicate`
#   --> tests/errors/several_errors.py:21:5
#    |
# 21 |     argv.frobnicate()
#    |     ^^^^^^^^^^^^^^^^^ unknown method
#
# error[E0200]: the return value of `broken_types()` cannot be both `int` and `str`
#   --> tests/errors/several_errors.py:13:13
#    |
# 11 |     y = 1
#    |         - this is `int`
# 12 |     if x:
# 13 |         y = "one"
#    |             ^^^^^ this is `str`
#    |
#    = note: RPython gives every variable a single type; convert explicitly or use separate variables
#
# error: translation failed with 5 errors
