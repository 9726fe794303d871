# An exception raised by the target module at import time: the Python traceback is shown.


def build_table():
    return [1, 2, 3][10]


TABLE = build_table()


def entry_point(argv):
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error: the import phase of the program failed in CPython
# Traceback (most recent call last):
#   File "tests/errors/import_error.py", line 8, in <module>
#     TABLE = build_table()
#             ^^^^^^^^^^^^^
#   File "tests/errors/import_error.py", line 5, in build_table
#     return [1, 2, 3][10]
#            ~~~~~~~~~^^^^
# IndexError: list index out of range
# note: before translating, the translator imports the target and calls `target()` in CPython
