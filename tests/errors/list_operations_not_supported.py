# List operations that the translator does not support yet.


def entry_point(argv):
    if "a" in argv:
        print("found")
    both = argv + argv
    tail = argv[1:]
    first = argv.pop(0)
    if len(argv) in (1, 2):
        print("few")
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0210]: not RPython (yet): `in` on a `list[str]`
#  --> tests/errors/list_operations_not_supported.py:5:8
#   |
# 5 |     if "a" in argv:
#   |        ^^^^^^^^^^^ not supported by the translator
#
# error[E0210]: not RPython (yet): slicing a list
#  --> tests/errors/list_operations_not_supported.py:8:12
#   |
# 8 |     tail = argv[1:]
#   |            ^^^^^^^^ not supported by the translator
#
# error[E0210]: not RPython (yet): `list.pop()` with an index
#  --> tests/errors/list_operations_not_supported.py:9:13
#   |
# 9 |     first = argv.pop(0)
#   |             ^^^^^^^^^^^ not supported by the translator
#
# error[E0210]: not RPython (yet): `in` on a `tuple[int, int]`
#   --> tests/errors/list_operations_not_supported.py:10:8
#    |
# 10 |     if len(argv) in (1, 2):
#    |        ^^^^^^^^^^^^^^^^^^^ not supported by the translator
#
# error: translation failed with 4 errors
