# fatal: ZeroDivisionError
# expect: 3 -4
# expect: dividing by 0
def ratio(a, b):
    return a // b


def entry_point(argv):
    print(ratio(10, 3), ratio(-10, 3))
    d = len(argv) - 1
    print("dividing by", d)
    print(ratio(100, d))
    print("not reached")
    return 0


def target(driver, args):
    return entry_point, None
