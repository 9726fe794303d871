# r_dict: dicts with custom key equality and hash functions (which must not allocate).
# expect: 2 3 True False 2
# expect: 1
# expect: Foo 3
# expect: 2 b c
from rpython.rlib.objectmodel import r_dict


class Sym(object):
    def __init__(self, name):
        self.name = name


def lower_ord(c):
    o = ord(c)
    if 65 <= o <= 90:
        return o + 32
    return o


def sym_eq(a, b):
    # Case-insensitive, without allocating (r_dict key functions must not allocate).
    if len(a.name) != len(b.name):
        return False
    for i in range(len(a.name)):
        if lower_ord(a.name[i]) != lower_ord(b.name[i]):
            return False
    return True


def sym_hash(a):
    h = 0
    for i in range(len(a.name)):
        h = (h * 31 + lower_ord(a.name[i])) & 0xffffff
    return h


def int_eq(a, b):
    return a % 10 == b % 10


def int_hash(a):
    return a % 10


def entry_point(argv):
    d = r_dict(sym_eq, sym_hash)
    d[Sym("Foo")] = 1
    d[Sym("bar")] = 2
    d[Sym("FOO")] = 3
    print(len(d), d[Sym("foo")], Sym("BAR") in d, Sym("baz") in d, d.get(Sym("Bar"), -1))
    del d[Sym("bar")]
    print(len(d))
    for k in d:
        print(k.name, d[k])
    e = r_dict(int_eq, int_hash)
    e[13] = "a"
    e[23] = "b"
    e[5] = "c"
    print(len(e), e[3], e[15])
    return 0


def target(driver, args):
    return entry_point, None
