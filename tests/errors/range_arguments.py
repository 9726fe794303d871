# `range()` arguments: integers only (checked where they are constants, and by the annotator
# elsewhere), 1 to 3 of them, no keywords.


def constant_float():
    for i in range(2.5):
        print(i)
    for k in range(1, 2, 3, 4):
        print(k)
    for m in range(stop=3):
        print(m)


def variable_str(argv):
    for j in range(argv[0]):
        print(j)


def entry_point(argv):
    constant_float()
    variable_str(argv)
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0110]: `range()` arguments must be integers
#  --> tests/errors/range_arguments.py:6:20
#   |
# 6 |     for i in range(2.5):
#   |                    ^^^ this is a `float`
#
# error[E0110]: `range()` takes 1 to 3 arguments but 4 were given
#  --> tests/errors/range_arguments.py:8:14
#   |
# 8 |     for k in range(1, 2, 3, 4):
#   |              ^^^^^^^^^^^^^^^^^ in this call
#
# error[E0110]: `range()` takes no keyword arguments
#   --> tests/errors/range_arguments.py:10:25
#    |
# 10 |     for m in range(stop=3):
#    |                         ^ keyword argument `stop`
#
# error[E0214]: `range()` arguments must be integers, not `str`
#   --> tests/errors/range_arguments.py:15:14
#    |
# 15 |     for j in range(argv[0]):
#    |              ^^^^^^-------^
#    |              |     |
#    |              |     this is `str`
#    |              in this loop
#
# error: translation failed with 4 errors
