# Generators (`yield`) are not supported yet.


def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def entry_point(argv):
    for x in numbers(3):
        print(x)
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0100]: not RPython (yet): generators (`yield`)
#  --> tests/errors/unsupported_generator.py:7:9
#   |
# 7 |         yield i
#   |         ^^^^^^^ not supported by the translator
#
# error: translation failed with 1 error
