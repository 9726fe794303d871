# List, set and dict comprehensions and generator expressions: every one is reported.


def entry_point(argv):
    squares = [i * i for i in range(10)]
    lengths = {len(a) for a in argv}
    index = {a: i for i, a in enumerate(argv)}
    total = sum(len(a) for a in argv)
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0100]: not RPython (yet): list comprehensions
#  --> tests/errors/unsupported_comprehensions.py:5:15
#   |
# 5 |     squares = [i * i for i in range(10)]
#   |               ^^^^^^^^^^^^^^^^^^^^^^^^^^ not supported by the translator
#
# error[E0100]: not RPython (yet): set comprehensions
#  --> tests/errors/unsupported_comprehensions.py:6:15
#   |
# 6 |     lengths = {len(a) for a in argv}
#   |               ^^^^^^^^^^^^^^^^^^^^^^ not supported by the translator
#
# error[E0100]: not RPython (yet): dict comprehensions
#  --> tests/errors/unsupported_comprehensions.py:7:13
#   |
# 7 |     index = {a: i for i, a in enumerate(argv)}
#   |             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ not supported by the translator
#
# error[E0100]: not RPython (yet): generator expressions
#  --> tests/errors/unsupported_comprehensions.py:8:17
#   |
# 8 |     total = sum(len(a) for a in argv)
#   |                 ^^^^^^^^^^^^^^^^^^^^ not supported by the translator
#
# error: translation failed with 4 errors
