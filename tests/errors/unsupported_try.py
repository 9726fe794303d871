# `try` statements are not supported yet; the names they bind are not reported again.


def parse(s):
    try:
        n = int(s)
    except ValueError as e:
        n = -1
    return n


def entry_point(argv):
    print(parse(argv[0]))
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0100]: not RPython (yet): `try` statements
#  --> tests/errors/unsupported_try.py:5:5
#   |
# 5 |     try:
#   |     ^^^^ not supported by the translator
#
# error: translation failed with 1 error
