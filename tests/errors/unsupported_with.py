# `with` statements are not supported yet.


def entry_point(argv):
    with open(argv[0]) as f:
        print("opened")
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0100]: not RPython (yet): `with` statements
#  --> tests/errors/unsupported_with.py:5:5
#   |
# 5 |     with open(argv[0]) as f:
#   |     ^^^^^^^^^^^^^^^^^^^^^^^^ not supported by the translator
#
# error: translation failed with 1 error
