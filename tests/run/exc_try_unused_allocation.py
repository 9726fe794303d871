# An allocation that is the only operation a `try` guards, of an instance nothing uses, is
# removed by the backend passes (malloc removal), and the `try` with it; a for loop over a list
# inside a `try` (its iterator allocation is guarded too, and removed).
# expect: 2
# expect: 6 -1
class Empty(object):
    pass


def f(n):
    try:
        e = Empty()
        r = n + 1
    except MemoryError:
        r = -1
    return r


def g(items):
    total = 0
    try:
        for x in items:
            total += x
    except MemoryError:
        return -1
    return total


def entry_point(argv):
    print(f(len(argv)))
    print(g([1, 2, 3]), g([-1]))
    return 0


def target(driver, args):
    return entry_point, None
