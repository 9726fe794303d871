# The nursery is not cleared between minor collections: an allocation's inline fast path clears
# the fields its constructor does not certainly write first. Fields written on one branch only,
# fields left at their class default, a field read before it is written, and lists, strings and
# dicts made over memory full of old objects (pointers and -1 words) must all read as CPython's.
# (A loop over a list of None also checks the rtyper: its loop variable is the Void constant.)
# expect: 200000 100000 0 0.0 None 0
# expect: 400000 8 200000
# expect: 150000 150000
# expect: 99000 50000


class Junk(object):
    def __init__(self, a, b):
        self.p = a
        self.q = b
        self.r = -1
        self.f = -1.5


class Half(object):
    left = None
    count = 0
    ratio = 0.0
    name = None

    def __init__(self, flag, other):
        if flag:
            self.left = other
        self.tag = 7


class Reader(object):
    total = 5

    def __init__(self, k):
        self.total = self.total + k
        self.next = None


def fill(n):
    keep = None
    for i in range(n):
        j = Junk(keep, str(i))
        if i % 1000 == 0:
            keep = j
    return keep


def halves(n):
    linked = 0
    unset = 0
    counts = 0
    ratios = 0.0
    names = None
    for i in range(n):
        fill(3)
        h = Half(i % 2 == 0, Half(False, None))
        if h.left is not None:
            linked += 1
            if h.left.left is None:
                unset += 1
        counts += h.count
        ratios += h.ratio
        if h.name is not None:
            names = h.name
    return linked, unset, counts, ratios, names


def readers(n):
    total = 0
    first = None
    for i in range(n):
        fill(2)
        r = Reader(1)
        r.next = first
        if i % 50000 == 0:
            first = r
        total += r.total - 5
    chain = 0
    while first is not None:
        chain += 1
        first = first.next
    return total, chain


def containers(n):
    made = 0
    nones = 0
    for i in range(n):
        fill(1)
        items = [None] * 3
        for x in items:
            if x is None:
                nones += 1
        d = {}
        d[i] = items
        s = str(i) + "-" + str(i)
        if s[:len(str(i))] == str(i) and len(d) == 1:
            made += 1
    return made, nones // 3


def entry_point(argv):
    fill(300000)
    linked, unset, counts, ratios, names = halves(200000)
    print(linked * 2, unset, counts, ratios, names, 0)
    total, chain = readers(400000)
    print(total, chain, 200000)
    made, nones = containers(150000)
    print(made, nones)
    keep = fill(100000)
    print(int(keep.q), keep.r + 50001)
    return 0


def target(driver, args):
    return entry_point, None
