# Slicing (with steps, assignment, del), sort/sorted with key and reverse, sum/min/max/any/all, enumerate/zip/reversed, dict methods.
# expect: [8, 1, 9] [5, 3, 8] [10, 3] [5, 1, 7, 0, 13, 10] [3, 10, 14, 12]
# expect: [0, 1, 2, 3, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]
# expect: [15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 3, 2, 1, 0]
# expect: [15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 3, 2, 1, 0]
# expect: [1, 2, 3] ['c', 'b', 'a']
# expect: [14, 100, 200, 300, 8, 7, 6, 5, 4, 3, 3, 2, 1, 0]
# expect: 653 0 300 False True 1
# expect: 0 a
# expect: 1 b
# expect: 1 x
# expect: 2 y
# expect: 3
# expect: 2
# expect: 1
# expect: ['a', 'b', 'c'] [1, 2, 3] 3
# expect: 1 -1 9 3
# expect: 2 3 q
# expect: 0 ['a', 'b', 'c'] ace cba
def key_neg(x):
    return -x

def entry_point(argv):
    l = [5, 3, 8, 1, 9, 2, 7, 4, 6, 0, 11, 15, 13, 12, 14, 10, 3]
    print(str(l[2:5]), str(l[:3]), str(l[-2:]), str(l[::3]), str(l[::-1][:4]))
    l.sort()
    print(str(l))
    l.sort(reverse=True)
    print(str(l))
    l.sort(key=key_neg)
    print(str(l))
    s = sorted([3, 1, 2])
    print(str(s), str(sorted(["b", "a", "c"], reverse=True)))
    del l[0]
    del l[2:5]
    l[1:3] = [100, 200, 300]
    print(str(l))
    print(sum(l), min(l), max(l), any([0, 0]), all([1, 2]), min(3, 1, 2))
    for i, x in enumerate(["a", "b"]):
        print(i, x)
    for x, y in zip([1, 2, 3], ["x", "y"]):
        print(x, y)
    for x in reversed([1, 2, 3]):
        print(x)
    d = {"a": 1, "b": 2, "c": 3}
    print(str(list(d.keys())), str(list(d.values())), len(d.items()))
    print(d.pop("a"), d.pop("zz", -1), d.setdefault("q", 9), len(d))
    del d["b"]
    e = d.copy()
    e.update({"w": 5})
    print(len(d.items()), len(e.items()), d.popitem()[0])
    e.clear()
    print(len(e), str(list("abc")), "abcdef"[::2], "abc"[::-1])
    return 0


def target(driver, args):
    return entry_point, None
