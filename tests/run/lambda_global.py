# expect: 16 7
# expect: 12
# expect: 5 -5
# Lambdas defined at module level (in a global, in a tuple, made by a factory at import time)
# are functions like any other.
SQUARE = lambda x: x * x
OPS = (lambda a, b: a + b, lambda a, b: a * b)


def make_adder(n):
    return lambda x: x + n


ADD_TEN = make_adder(10)
NEG = lambda x: -x; IDENT = lambda x: x


def entry_point(argv):
    print(SQUARE(4), OPS[0](3, 4))
    print(OPS[1](3, 4))
    print(IDENT(5), NEG(5))
    return ADD_TEN(len(argv)) - 11


def target(driver, args):
    return entry_point, None
