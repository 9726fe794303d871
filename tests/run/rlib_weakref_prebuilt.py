# Weak references made at import time: a module global, a list of them, a class attribute, an
# attribute of a prebuilt instance, rweakref.dead_ref (dead already), and variables and
# attributes that hold prebuilt weakrefs, dead_ref and weakrefs made at run time. The referent
# of a prebuilt weakref is a prebuilt instance, which stays alive through collections.
# expect: module True 1
# expect: after collect True 1
# expect: list [2, 3]
# expect: class attr 1
# expect: holder 2 -1
# expect: dead True True True
# expect: mixed -1 6 1
# expect: variable True False
# expect: attribute False
# expect: run time 1 True

import weakref
from rpython.rlib import rgc, rweakref
from rpython.rlib.rweakref import dead_ref


class Node:
    def __init__(self, n):
        self.n = n


class Sub(Node):
    pass


class Holder:
    def __init__(self, target):
        self.wr = weakref.ref(target)


class Config:
    default = None


ROOT = Node(1)
ROOT_REF = weakref.ref(ROOT)
SUBS = [Sub(2), Sub(3)]
SUB_REFS = [weakref.ref(s) for s in SUBS]
Config.default = weakref.ref(ROOT)
HOLDER = Holder(SUBS[0])
DEAD_HOLDER = Holder(ROOT)
DEAD_HOLDER.wr = dead_ref


def show(w):
    x = w()
    if x is None:
        return -1
    return x.n


def make_garbage(n):
    total = 0
    for i in range(n):
        total += len([i, i + 1])
    return total


def entry_point(argv):
    print("module", ROOT_REF() is ROOT, ROOT_REF().n)
    make_garbage(1000)
    rgc.collect()
    print("after collect", ROOT_REF() is ROOT, show(ROOT_REF))
    print("list", [show(r) for r in SUB_REFS])
    print("class attr", show(Config.default))
    print("holder", show(HOLDER.wr), show(DEAD_HOLDER.wr))
    print("dead", dead_ref() is None, rweakref.dead_ref() is None, DEAD_HOLDER.wr() is None)
    keep = Node(6)
    h = Holder(keep)
    h.wr = dead_ref
    a = show(h.wr)
    h.wr = weakref.ref(keep)
    b = show(h.wr)
    h.wr = ROOT_REF
    print("mixed", a, b, show(h.wr))
    w = dead_ref
    if len(argv) >= 0:
        w = weakref.ref(keep)
    v = ROOT_REF
    if len(argv) > 100:
        v = dead_ref
    print("variable", w() is keep, v() is None)
    print("attribute", DEAD_HOLDER.wr is HOLDER.wr)
    r = weakref.ref(ROOT)
    make_garbage(1000)
    rgc.collect()
    print("run time", show(r), r() is ROOT)
    return 0


def target(driver, args):
    return entry_point, None
