# Calls with too many, too few, unknown keyword and duplicate arguments: all are reported.


def area(width, height=1):
    return width * height


def entry_point(argv):
    print(area(1, 2, 3))
    print(area())
    print(area(2, depth=3))
    print(area(2, width=3))
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0211]: `area()` takes 2 arguments but 3 were given
#  --> tests/errors/call_arguments.py:9:11
#   |
# 4 | def area(width, height=1):
#   | -------------------------- defined here
# ...
# 9 |     print(area(1, 2, 3))
#   |           ^^^^^^^^^^^^^ in this call
#
# error[E0211]: `area()` is missing the argument `width`
#   --> tests/errors/call_arguments.py:10:11
#    |
#  4 | def area(width, height=1):
#    | -------------------------- defined here
# ...
# 10 |     print(area())
#    |           ^^^^^^ in this call
#
# error[E0211]: `area()` got an unexpected keyword argument `depth`
#   --> tests/errors/call_arguments.py:11:11
#    |
#  4 | def area(width, height=1):
#    | -------------------------- defined here
# ...
# 11 |     print(area(2, depth=3))
#    |           ^^^^^^^^^^^^^^^^ in this call
#
# error[E0211]: `area()` got multiple values for argument `width`
#   --> tests/errors/call_arguments.py:12:11
#    |
#  4 | def area(width, height=1):
#    | -------------------------- defined here
# ...
# 12 |     print(area(2, width=3))
#    |           ^^^^^^^^^^^^^^^^ in this call
#
# error: translation failed with 4 errors
