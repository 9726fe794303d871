# Weak references, light destructors and finalizer queues, checked in a way every collector
# agrees on, conservative ones included (Boehm may keep an object that a stale stack word
# points to): of many objects that died in a function that returned, most are seen dead after
# rgc.collect(), and an object still in use is never.
# expect: weakrefs most cleared True kept True
# expect: destructors most ran True
# expect: queue most queued True triggered True
# expect: still alive 7

import weakref
from rpython.rlib import rgc

N = 2000


class Counter:
    def __init__(self):
        self.dels = 0
        self.triggered = False


counter = Counter()


class Obj:
    def __init__(self, n):
        self.n = n


class WithDel:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        counter.dels += 1


class Res:
    def __init__(self, n):
        self.n = n


class ResQueue(rgc.FinalizerQueue):
    Class = Res

    def finalizer_trigger(self):
        counter.triggered = True


queue = ResQueue()


def make_refs(n):
    refs = []
    for i in range(n):
        refs.append(weakref.ref(Obj(i)))
    return refs


def make_dels(n):
    total = 0
    for i in range(n):
        total += WithDel(i).n
    return total


def make_queued(n):
    total = 0
    for i in range(n):
        r = Res(i)
        queue.register_finalizer(r)
        total += r.n
    return total


def churn(n):
    # Allocates and drops garbage, so that stale words on the C stack are overwritten.
    last = None
    for i in range(n):
        last = [i, i + 1, i + 2]
    return last[0]


def entry_point(argv):
    keep = Obj(7)
    kept = weakref.ref(keep)
    refs = make_refs(N)
    make_dels(N)
    make_queued(N)
    churn(1000)
    rgc.collect()
    cleared = 0
    for r in refs:
        if r() is None:
            cleared += 1
    print("weakrefs most cleared", cleared >= N * 9 // 10, "kept", kept() is keep)
    print("destructors most ran", counter.dels >= N * 9 // 10)
    queued = 0
    while queue.next_dead() is not None:
        queued += 1
    print("queue most queued", queued >= N * 9 // 10, "triggered", counter.triggered)
    print("still alive", keep.n)
    return 0


def target(driver, args):
    return entry_point, None
