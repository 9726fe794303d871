# rweakref.RWeakValueDictionary: str keys (and one-character ones), int keys, instance keys,
# values of a subclass, deleting with set(key, None) (also of an absent key), values that die
# once the function that held them returned and rgc.collect() ran, and two weak dicts of
# different types in one program (also in an attribute).
# expect: get a 1 True
# expect: missing True
# expect: deleted True 1
# expect: again 1
# expect: str keys [0, -1, -1, 3, -1, -1, 6, -1, -1, 9] 4
# expect: int keys [10, -1, 12, -1, 14] 3
# expect: instance keys 5 -1 True
# expect: holder 7 -1
# expect: replaced 8

from rpython.rlib import rgc
from rpython.rlib.rweakref import RWeakValueDictionary


class Node:
    def __init__(self, n):
        self.n = n


class Sub(Node):
    pass


class Key:
    pass


class Holder:
    def __init__(self):
        self.cache = RWeakValueDictionary(int, Node)


def show(x):
    if x is None:
        return -1
    return x.n


def fill_str(d, keep):
    for i in range(10):
        n = Node(i)
        d.set("k%d" % i, n)
        if i % 3 == 0:
            keep.append(n)


def fill_int(d, keep):
    for i in range(5):
        s = Sub(10 + i)
        d.set(i, s)
        if i % 2 == 0:
            keep.append(s)


def fill_keys(d, k1, k2):
    n = Node(5)
    d.set(k1, n)
    d.set(k2, Node(6))
    return n


def fill_holder(h):
    n = Node(7)
    h.cache.set(1, n)
    h.cache.set(2, Node(8))
    return n


def entry_point(argv):
    d = RWeakValueDictionary(str, Node)
    a = Node(1)
    d.set("a", a)
    print("get a", show(d.get("a")), d.get("a") is a)
    print("missing", d.get("zz") is None)
    d.set("a", None)
    d.set("b", None)
    print("deleted", d.get("a") is None, a.n)
    d.set("a", Node(0))
    d.set("a", a)
    print("again", show(d.get("a")))
    keep = []
    fill_str(d, keep)
    rgc.collect()
    print("str keys", [show(d.get("k%d" % i)) for i in range(10)], len(keep))
    di = RWeakValueDictionary(int, Sub)
    keep2 = []
    fill_int(di, keep2)
    rgc.collect()
    print("int keys", [show(di.get(i)) for i in range(5)], len(keep2))
    dk = RWeakValueDictionary(Key, Node)
    k1 = Key()
    k2 = Key()
    n = fill_keys(dk, k1, k2)
    rgc.collect()
    print("instance keys", show(dk.get(k1)), show(dk.get(k2)), dk.get(Key()) is None)
    h = Holder()
    m = fill_holder(h)
    rgc.collect()
    print("holder", show(h.cache.get(1)), show(h.cache.get(2)))
    last = Node(8)
    h.cache.set(1, last)
    print("replaced", show(h.cache.get(1)))
    assert n.n == 5 and m.n == 7 and a.n == 1
    return 0


def target(driver, args):
    return entry_point, None
