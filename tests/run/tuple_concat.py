# expect: 1 a 2.5 True
# expect: 4
# Concatenating tuples builds a tuple of all the items.
def entry_point(argv):
    t = (1, "a") + (2.5, len(argv) > 0)
    print(t[0], t[1], t[2], t[3])
    u = t + ()
    print(len(u))
    return 0


def target(driver, args):
    return entry_point, None
