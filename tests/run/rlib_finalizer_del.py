# Light destructors: a `__del__` that only updates counters of a prebuilt object runs once for
# each instance that died, at the latest at the next rgc.collect(); instances still alive (or
# prebuilt) are not destroyed; a subclass inherits its base's `__del__` or has its own. (A
# translated program frees an object once no live variable holds it, CPython when its function
# returns: `kept` is used after every collection that must find it alive.)
# expect: after collect 0 0
# expect: dead 100 4950
# expect: kept 10 alive
# expect: subclass 5 3 10
# expect: all 118 3
# expect: prebuilt 7
# expect: instantiated 119 4

from rpython.rlib import rgc
from rpython.rlib.objectmodel import instantiate


class Stats:
    def __init__(self):
        self.count = 0
        self.total = 0
        self.special = 0


stats = Stats()


class Res:
    def __init__(self, n):
        self.n = n
        self.label = "res"

    @rgc.must_be_light_finalizer
    def __del__(self):
        stats.count += 1
        stats.total += self.n


class Special(Res):
    def __del__(self):
        stats.count += 1
        stats.special += 1


class Plain(Res):
    pass


PREBUILT = Res(7)


def make(n, start):
    for i in range(n):
        Res(start + i)


def make_kept(n):
    kept = []
    for i in range(n):
        kept.append(Res(1000 + i))
    return kept


def entry_point(argv):
    rgc.collect()
    print("after collect", stats.count, stats.total)
    make(100, 0)
    rgc.collect()
    print("dead", stats.count, stats.total)
    kept = make_kept(10)
    for i in range(3000):
        [i, i]
    rgc.collect()
    print("kept", len(kept), "alive" if stats.count == 100 else "destroyed")
    for i in range(5):
        Plain(1)
    Special(0)
    Special(0)
    Special(0)
    rgc.collect()
    print("subclass", stats.count - 100 - 3, stats.special, len(kept))
    kept = []
    rgc.collect()
    print("all", stats.count, stats.special)
    print("prebuilt", PREBUILT.n)
    instantiate(Special)
    rgc.collect()
    print("instantiated", stats.count, stats.special)
    return 0


def target(driver, args):
    return entry_point, None
