# f-strings are not supported yet.


def entry_point(argv):
    print(f"{len(argv)} arguments")
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0100]: not RPython (yet): f-strings
#  --> tests/errors/unsupported_fstring.py:5:11
#   |
# 5 |     print(f"{len(argv)} arguments")
#   |           ^^^^^^^^^^^^^^^^^^^^^^^^ not supported by the translator
#
# error: translation failed with 1 error
