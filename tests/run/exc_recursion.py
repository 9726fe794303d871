# Too deep recursion raises RecursionError (a RuntimeError); caught, the program continues.
# expect: start
# expect: recursion caught
# expect: caught again as RuntimeError
# expect: finally ran 1
# expect: shallow 250 5
# expect: done


def down(n):
    if n == 0:
        return 0
    return n - down(n - 1)


def shallow(n):
    if n == 0:
        return 0
    return 1 + shallow(n - 1)


class Box:
    def __init__(self):
        self.count = 0


def guarded(box, n):
    try:
        return down(n)
    finally:
        box.count += 1


def entry_point(argv):
    print("start")
    # deep enough to exhaust a default 8 MB C stack as well as CPython's recursion limit
    depth = 10000000 + len(argv)
    try:
        r = down(depth)
        print("not reached", r)
    except RecursionError:
        print("recursion caught")
    try:
        down(depth)
    except RuntimeError:
        print("caught again as RuntimeError")
    box = Box()
    try:
        guarded(box, depth)
    except RecursionError:
        print("finally ran", box.count)
    print("shallow", shallow(250), down(10))
    print("done")
    return 0


def target(driver, args):
    return entry_point, None
