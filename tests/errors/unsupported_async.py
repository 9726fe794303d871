# `async` functions are not supported.


async def fetch():
    return 1


def entry_point(argv):
    print(fetch())
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0100]: not RPython (yet): `async` functions
#  --> tests/errors/unsupported_async.py:4:1
#   |
# 4 | async def fetch():
#   | ^^^^^^^^^^^^^^^^^^ not supported by the translator
#
# error: translation failed with 1 error
