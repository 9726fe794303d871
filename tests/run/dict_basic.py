# Dicts: int, str and instance keys; get, in, len, iteration in insertion order, update.
# expect: 3 10 30 -1 True False
# expect: 1 2 3
# expect: a 1
# expect: bb 2
# expect: 2 5
# expect: 1000 499500


class Key(object):
    def __init__(self, n):
        self.n = n


def entry_point(argv):
    d = {1: 10, 2: 20}
    d[3] = 30
    print(len(d), d[1], d[3], d.get(7, -1), 2 in d, 9 in d)
    keys = []
    for k in d:
        keys.append(k)
    print(keys[0], keys[1], keys[2])
    s = {}
    s["a"] = 1
    s["bb"] = 2
    for k in s:
        print(k, s[k])
    a = Key(1)
    b = Key(2)
    m = {a: 2, b: 5}
    print(m[a], m[b])
    big = {}
    for i in range(1000):
        big[i] = i
    total = 0
    for k in big:
        total += big[k]
    print(len(big), total)
    return 0


def target(driver, args):
    return entry_point, None
