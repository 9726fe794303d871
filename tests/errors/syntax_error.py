# A syntax error in the target: CPython reports it while importing.


def entry_point(argv):
    x = (1 +
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error: the import phase of the program failed in CPython
#   File "tests/errors/syntax_error.py", line 5
#     x = (1 +
#         ^
# SyntaxError: '(' was never closed
# note: before translating, the translator imports the target and calls `target()` in CPython
