# Unbounded recursion stops with RecursionError (a stack check), not a segmentation fault.
# expect: start
# fatal: RecursionError


def down(n):
    return down(n + 1) + 1


def entry_point(argv):
    print("start")
    return down(0)


def target(driver, args):
    return entry_point, None
