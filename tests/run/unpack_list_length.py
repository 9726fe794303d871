# fatal: ValueError
# expect: 1 2
# expect: a b
# expect: x y
# expect: unpacking 3 items into 2
# Unpacking a list, a str or a tuple checks the number of items, as CPython does: a list of the
# wrong length raises ValueError at run time.
def pair():
    return 1, 2


def entry_point(argv):
    a, b = pair()
    print(a, b)
    c, d = ["a", "b"]
    print(c, d)
    e, f = "xy"
    print(e, f)
    items = [1, 2]
    items.append(len(argv))
    print("unpacking", len(items), "items into 2")
    g, h = items
    print("not reached", g, h)
    return 0


def target(driver, args):
    return entry_point, None
