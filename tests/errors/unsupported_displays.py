# Dict and set displays are not supported yet.


def entry_point(argv):
    table = {"a": 1, "b": 2}
    seen = {1, 2, 3}
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0100]: not RPython (yet): set displays
#  --> tests/errors/unsupported_displays.py:6:12
#   |
# 6 |     seen = {1, 2, 3}
#   |            ^^^^^^^^^ not supported by the translator
#
# error: translation failed with 1 error
