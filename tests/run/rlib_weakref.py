# Weak references (weakref.ref and rpython.rlib.rweakref.ref): calling one gives the instance
# while it is alive and None once the collector freed it; a list of weakrefs, an attribute
# holding one, dict values, a weakref that may be None, weakrefs to subclass instances, and weakrefs followed
# through many collections (their objects move, then become old). A translated program frees an
# object as soon as no live variable holds it, CPython when the function returns: every object
# expected alive is used after the collection.
# expect: alive True 5
# expect: after collect True -1
# expect: list 50 25 [0, 2, 4, 6, 8] 25
# expect: attr 7 -1 7
# expect: maybe none True
# expect: maybe set 9 True
# expect: sub 11 -1 11
# expect: dict 7 -1 7
# expect: support True
# expect: churned 300 150 22500 150 9

import weakref
from rpython.rlib import rgc, rweakref


class Node:
    def __init__(self, n):
        self.n = n
        self.ref = None


class Sub(Node):
    pass


class Holder:
    def __init__(self, target):
        self.wr = weakref.ref(target)


def make_garbage(n):
    total = 0
    for i in range(n):
        total += len([i, i + 1])
    return total


def deref_n(w):
    x = w()
    if x is None:
        return -1
    return x.n


def fill(keep, refs):
    for i in range(50):
        n = Node(i)
        if i % 2 == 0:
            keep.append(n)
        refs.append(weakref.ref(n))


def make_pair():
    a = Node(5)
    b = Node(6)
    return a, weakref.ref(a), rweakref.ref(b)


def entry_point(argv):
    a, wa, wb = make_pair()
    print("alive", wa() is a, deref_n(wa))
    rgc.collect()
    print("after collect", wa() is a, deref_n(wb))
    keep = []
    refs = []
    fill(keep, refs)
    make_garbage(10000)
    rgc.collect()
    alive = []
    for r in refs:
        x = r()
        if x is not None:
            alive.append(x.n)
    # `keep` is used below, so it is alive (translated too) during the collection.
    print("list", len(refs), len(alive), alive[:5], len(keep))
    target = Node(7)
    h = Holder(target)
    other = Holder(Node(8))
    rgc.collect()
    print("attr", deref_n(h.wr), deref_n(other.wr), target.n)
    node = Node(9)
    maybe = None
    if len(argv) > 100:
        maybe = weakref.ref(Node(3))
    print("maybe none", maybe is None)
    if len(argv) >= 0:
        maybe = weakref.ref(node)
    if maybe is not None:
        print("maybe set", deref_n(maybe), maybe() is node)
    s1 = Sub(11)
    refs2 = [weakref.ref(s1), weakref.ref(Sub(12))]
    rgc.collect()
    print("sub", deref_n(refs2[0]), deref_n(refs2[1]), s1.n)
    d = {}
    d["kept"] = weakref.ref(target)
    d["lost"] = weakref.ref(Node(0))
    rgc.collect()
    print("dict", deref_n(d["kept"]), deref_n(d["lost"]), target.n)
    print("support", rweakref.has_weakref_support())
    objs = []
    wrs = []
    for i in range(300):
        n = Node(i)
        n.ref = weakref.ref(node)
        if i % 2 == 1:
            objs.append(n)
        wrs.append(weakref.ref(n))
        make_garbage(50)
    rgc.collect()
    make_garbage(5000)
    rgc.collect()
    count = 0
    total = 0
    for w in wrs:
        x = w()
        if x is not None:
            count += 1
            total += x.n
            assert x.ref() is node
    print("churned", len(wrs), count, total, len(objs), node.n)
    return 0


def target(driver, args):
    return entry_point, None
