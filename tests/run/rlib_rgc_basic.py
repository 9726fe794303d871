# rgc.collect (with and without a generation), disable/enable/isenabled, can_move on fresh
# objects, ll_arraycopy between lists and inside one list (overlapping both ways), with
# instances as items so that the write barrier matters (a large list gets its cards marked), and
# the harmless decorators.
# expect: enabled True
# expect: disabled False
# expect: enabled again True
# expect: fresh can move True True
# expect: ints [0, 1, 10, 11, 12, 5]
# expect: forward [0, 1, 0, 1, 2, 5, 6, 7]
# expect: backward [2, 3, 4, 5, 4, 5, 6, 7]
# expect: objs 1990 1991 1992 0 4 5
# expect: survived 600 179700
# expect: carded 20000 1990 1991 1992 14999 15003
# expect: bounds AssertionError
# expect: light 7

from rpython.rlib import rgc


class Box:
    def __init__(self, n):
        self.n = n


@rgc.no_collect
def add(a, b):
    return a + b


def churn(n):
    total = 0
    for i in range(n):
        b = Box(i)
        total += b.n
    return total


def entry_point(argv):
    print("enabled", rgc.isenabled())
    rgc.disable()
    print("disabled", rgc.isenabled())
    churn(20000)
    rgc.collect()
    rgc.enable()
    print("enabled again", rgc.isenabled())
    b = Box(3)
    print("fresh can move", rgc.can_move(b), rgc.can_move([b]))
    src = [10, 11, 12]
    dst = [0, 1, 2, 3, 4, 5]
    rgc.ll_arraycopy(src, dst, 0, 2, 3)
    print("ints", dst)
    l = [0, 1, 2, 3, 4, 5, 6, 7]
    rgc.ll_arraycopy(l, l, 0, 2, 3)
    print("forward", l)
    l = [0, 1, 2, 3, 4, 5, 6, 7]
    rgc.ll_arraycopy(l, l, 2, 0, 4)
    print("backward", l)
    # An old list receives young instances: the stores need the write barrier.
    old = [Box(i) for i in range(600)]
    rgc.collect()
    young = [Box(1990 + i) for i in range(3)]
    rgc.ll_arraycopy(young, old, 0, 0, 3)
    churn(50000)
    rgc.collect(0)
    churn(50000)
    rgc.collect()
    print("objs", old[0].n, old[1].n, old[2].n, old[3].n - 3, old[4].n, old[5].n)
    big = [Box(i) for i in range(600)]
    rgc.collect()
    fresh = [Box(i) for i in range(600)]
    rgc.ll_arraycopy(fresh, big, 0, 0, 600)
    fresh = []
    churn(30000)
    rgc.collect()
    total = 0
    for x in big:
        total += x.n
    print("survived", len(big), total)
    # A large old list gets young items in its middle: only their card is marked.
    huge = [Box(i) for i in range(20000)]
    rgc.collect()
    young = [Box(1990 + i) for i in range(3)]
    rgc.ll_arraycopy(young, huge, 0, 15000, 3)
    young = []
    churn(50000)
    rgc.collect(0)
    churn(50000)
    print("carded", len(huge), huge[15000].n, huge[15001].n, huge[15002].n, huge[14999].n,
          huge[15003].n)
    try:
        rgc.ll_arraycopy(src, dst, 2, 0, 5)
        print("bounds none")
    except AssertionError:
        print("bounds AssertionError")
    print("light", add(3, 4))
    return 0


def target(driver, args):
    return entry_point, None
