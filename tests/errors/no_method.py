# Methods that the type does not have, and known methods called with wrong arguments.


def entry_point(argv):
    argv.frobnicate()
    name = argv[0]
    print(name.format())
    argv.append("a", "b")
    argv.pop(index=0)
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0210]: `list[str]` has no method `frobnicate`
#  --> tests/errors/no_method.py:5:5
#   |
# 5 |     argv.frobnicate()
#   |     ^^^^^^^^^^^^^^^^^ unknown method
#
# error[E0210]: not RPython (yet): the method `str.format()`
#  --> tests/errors/no_method.py:7:11
#   |
# 7 |     print(name.format())
#   |           ^^^^^^^^^^^^^ not supported by the translator
#
# error[E0210]: wrong arguments for `list.append()`: `str`, `str`
#  --> tests/errors/no_method.py:8:5
#   |
# 8 |     argv.append("a", "b")
#   |     ^^^^^^^^^^^^^^^^^^^^^ in this call
#
# error: translation failed with 3 errors
