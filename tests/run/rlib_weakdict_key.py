# rweakref.RWeakKeyDictionary: instances as keys, held weakly and compared by identity, with
# values held strongly; keys of a subclass, set(key, None) deleting (also an absent key),
# length() counting the keys still alive, entries whose key died after the function that held
# it returned and rgc.collect() ran, and a weak value dict in the same program.
# expect: get 10 -1 True
# expect: sub 11
# expect: replaced 12
# expect: deleted -1 2
# expect: length 13 [0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33]
# expect: values 100

from rpython.rlib import rgc
from rpython.rlib.rweakref import RWeakKeyDictionary, RWeakValueDictionary


class Key:
    def __init__(self, n):
        self.n = n


class SubKey(Key):
    pass


class Value:
    def __init__(self, n):
        self.n = n


def show(x):
    if x is None:
        return -1
    return x.n


def fill(d, keep, n):
    for i in range(n):
        k = Key(i)
        d.set(k, Value(i * 10))
        if i % 3 == 0:
            keep.append(k)


def entry_point(argv):
    d = RWeakKeyDictionary(Key, Value)
    k1 = Key(1)
    k2 = SubKey(2)
    d.set(k1, Value(10))
    print("get", show(d.get(k1)), show(d.get(k2)), d.get(Key(1)) is None)
    d.set(k2, Value(11))
    print("sub", show(d.get(k2)))
    d.set(k1, Value(12))
    print("replaced", show(d.get(k1)))
    d.set(k1, None)
    d.set(Key(3), None)
    print("deleted", show(d.get(k1)), show(d.get(k2)) // 5)
    keep = []
    fill(d, keep, 34)
    rgc.collect()
    # Every key of `keep` is alive; the other keys made by `fill` died.
    alive = []
    for k in keep:
        v = d.get(k)
        if v is not None:
            alive.append(v.n // 10)
    print("length", d.length(), alive)
    wv = RWeakValueDictionary(str, Value)
    v = Value(100)
    wv.set("x", v)
    print("values", show(wv.get("x")))
    assert k2.n == 2
    return 0


def target(driver, args):
    return entry_point, None
