# Weak dicts through which many entries pass, most of them dying: the entries whose object died
# are dropped as the table grows, so the heap stays small (the limit below is far less than
# what the dead entries would take), and every entry still in use is found. Checked in a way
# every collector agrees on, conservative ones included (Boehm may keep an object that a stale
# stack word points to): most dead entries are gone.
# env: RPY_GC_MAX_HEAP=4M
# expect: values kept True few True
# expect: str keys kept True few True
# expect: keys kept True few True

from rpython.rlib import rgc
from rpython.rlib.rweakref import RWeakKeyDictionary, RWeakValueDictionary

N = 60000


class Node:
    def __init__(self, n):
        self.n = n


def churn_values(d, keep):
    for i in range(N):
        v = Node(i)
        d.set(i, v)
        if i % 1000 == 0:
            keep.append(v)


def churn_str(d, keep):
    for i in range(N // 4):
        v = Node(i)
        d.set(str(i), v)
        if i % 1000 == 0:
            keep.append(v)


def churn_keys(d, keep):
    for i in range(N):
        k = Node(i)
        d.set(k, Node(-i))
        if i % 1000 == 0:
            keep.append(k)


def entry_point(argv):
    d = RWeakValueDictionary(int, Node)
    keep = []
    churn_values(d, keep)
    rgc.collect()
    live = 0
    kept = True
    for i in range(N):
        x = d.get(i)
        if x is not None:
            live += 1
            kept = kept and x.n == i
    for v in keep:
        kept = kept and d.get(v.n) is v
    print("values kept", kept, "few", live < 2 * len(keep) + 100)
    ds = RWeakValueDictionary(str, Node)
    keep = []
    churn_str(ds, keep)
    rgc.collect()
    live = 0
    for i in range(N // 4):
        if ds.get(str(i)) is not None:
            live += 1
    kept = True
    for v in keep:
        kept = kept and ds.get(str(v.n)) is v
    print("str keys kept", kept, "few", live < 2 * len(keep) + 100)
    dk = RWeakKeyDictionary(Node, Node)
    keep = []
    churn_keys(dk, keep)
    rgc.collect()
    kept = True
    for k in keep:
        v = dk.get(k)
        kept = kept and v is not None and v.n == -k.n
    print("keys kept", kept, "few", dk.length() < 2 * len(keep) + 100)
    return 0


def target(driver, args):
    return entry_point, None
