# A function defined inside another (a closure over a run-time value) is not supported yet.


def make_adder(n):
    def add(x):
        return x + n
    return add


def entry_point(argv):
    add = make_adder(len(argv))
    print(add(1))
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0100]: not RPython (yet): nested function definitions
#  --> tests/errors/unsupported_nested_function.py:5:5
#   |
# 5 |     def add(x):
#   |     ^^^^^^^^^^^ not supported by the translator
#
# error: translation failed with 1 error
