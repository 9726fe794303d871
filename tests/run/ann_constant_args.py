# Branches that constant arguments decide are not annotated, as with RPython's constant
# SomeInteger/SomeBool: a parameter every call passes the same integer or boolean constant (given,
# a default, or a variable a loop carries unchanged) makes a switch on it follow one exit, so the
# code behind `if verbose:` may be beyond RPython when nothing passes verbose=True. A parameter
# given two different constants is an ordinary variable, and both of its branches run.
# expect: 45 45
# expect: 6 3 0
# expect: 21 -21

DEBUG_LEVEL = 0


def report(items, verbose=False):
    total = 0
    for x in items:
        total += x
    if verbose:
        # Not RPython: a list of an int and a str.
        print([total, "total"])
    return total


def checked(n, level):
    if level > 2:
        print([n, "level"])
    if level == 0:
        return n
    return -n


def signed(n, negate):
    if negate:
        return -n
    return n


def entry_point(argv):
    level = DEBUG_LEVEL
    for arg in argv[1:]:
        if arg == "--never-given":
            return 1
    items = []
    for i in range(10):
        items.append(i)
    print(report(items), report(items, False))
    print(checked(6, level), checked(3, 0), checked(0, level))
    print(signed(21, False), signed(21, True))
    return 0


def target(driver, args):
    return entry_point, None
