# Tuples: as dict keys (hash and equality by value), iteration over one item type, in, index,
# count, comparisons and sorting, hash().
# expect: 2 11 True False 20
# expect: 6 True False True 1 1
# expect: True True True True True
# expect: 1 a
# expect: 1 b
# expect: 2 a
# expect: 3 c
# expect: True True
# expect: 5
# expect: 1 a 11
# expect: 2 b 20
def entry_point(argv):
    d = {}
    d[(1, "a")] = 10
    d[(2, "b")] = 20
    d[(1, "a")] = 11
    k = (1, "a")
    print(len(d), d[k], (2, "b") in d, (3, "c") in d, d.get((2, "b"), 0))
    t = (3, 1, 2)
    total = 0
    for x in t:
        total += x
    print(total, 2 in t, 5 in t, len(argv) in (1, 2), t.index(1), t.count(2))
    print((1, 2) == (1, 2), (1, 2) != (1, 3), (1, 2) < (1, 3), (2, "a") > (1, "z"), ("a", 1) <= ("a", 1))
    pairs = [(3, "c"), (1, "b"), (2, "a"), (1, "a")]
    pairs.sort()
    for a, b in pairs:
        print(a, b)
    print(hash((1, 2)) == hash((1, 2)), hash((1, 2)) != hash((2, 1)))
    nested = {((1, 2), "x"): 5}
    print(nested[((1, 2), "x")])
    for a, b in sorted(d.keys()):
        print(a, b, d[(a, b)])
    return 0


def target(driver, args):
    return entry_point, None
