# Weak dicts made at import time: their items alive at the end of the import (prebuilt keys and
# values, which never die) are there when the program starts, an item whose value died during
# the import is not, and the program adds and removes items; a prebuilt instance holding a weak
# dict, as an instance made at run time does; a weak dict as a class attribute, with a
# one-character key. (Items dying are checked by rlib_weakdict_value,
# which a conservative collector may not pass.)
# expect: value dict 1 True
# expect: added 5
# expect: removed True 2
# expect: key dict 2 1
# expect: key added 6 2
# expect: empty 4 True
# expect: space 2 9
# expect: class attr 1 2 -1

from rpython.rlib import rgc
from rpython.rlib.rweakref import RWeakKeyDictionary, RWeakValueDictionary


class Node:
    def __init__(self, n):
        self.n = n


class Space:
    def __init__(self):
        self.cache = RWeakValueDictionary(int, Node)


class Registry:
    by_name = RWeakValueDictionary(str, Node)

    def find(self, name):
        return self.by_name.get(name)


def show(x):
    if x is None:
        return -1
    return x.n


ROOT = Node(1)
OTHER = Node(2)
CACHE = RWeakValueDictionary(str, Node)
CACHE.set("root", ROOT)
CACHE.set("gone", Node(3))
CACHE.set("other", OTHER)
KEYED = RWeakKeyDictionary(Node, Node)
KEYED.set(ROOT, OTHER)
KEYED.set(Node(0), ROOT)
EMPTY = RWeakValueDictionary(int, Node)
SPACE = Space()
SPACE.cache.set(7, OTHER)
Registry.by_name.set("r", ROOT)


def entry_point(argv):
    print("value dict", show(CACHE.get("root")), CACHE.get("gone") is None)
    n = Node(5)
    CACHE.set("new", n)
    rgc.collect()
    print("added", show(CACHE.get("new")))
    CACHE.set("root", None)
    print("removed", CACHE.get("root") is None, show(CACHE.get("other")))
    print("key dict", show(KEYED.get(ROOT)), KEYED.length())
    KEYED.set(n, Node(6))
    print("key added", show(KEYED.get(n)), KEYED.length())
    m = Node(4)
    EMPTY.set(1, m)
    print("empty", show(EMPTY.get(1)), EMPTY.get(2) is None)
    s = Space()
    s.cache.set(7, Node(9))
    spaces = [SPACE, s]
    k = Node(9)
    spaces[1].cache.set(7, k)
    print("space", show(spaces[0].cache.get(7)), show(spaces[1].cache.get(7)))
    reg = Registry()
    Registry.by_name.set("other", OTHER)
    print("class attr", show(reg.find("r")), show(reg.find("other")), show(reg.find("x")))
    return 0


def target(driver, args):
    return entry_point, None
