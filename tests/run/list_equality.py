# `==` and `!=` between lists: same length and equal items in order, for lists of ints, strings,
# tuples and lists, and a list that may be None.
# expect: ints True False False False
# expect: strs True False
# expect: tuples False True
# expect: nested True False
# expect: none False True True


def maybe(n):
    if n > 100:
        return None
    return [n]


def entry_point(argv):
    n = len(argv)
    a = [1, 2, n]
    print("ints", a == [1, 2, 1], a != [1, 2, 1], a == [1, 2], [] != [])
    words = [w for w in ["x", "y"]]
    print("strs", words == ["x", "y"], words == ["x", "z"])
    m1 = [("foo", 3), ("y", n)]
    m2 = [("foo", 3), ("y", 2)]
    print("tuples", m1 == m2, m1 != m2)
    print("nested", [[1], [n]] == [[1], [1]], [[1], [n]] == [[1], [2]])
    print("none", maybe(n) == maybe(n + 200), maybe(n) == [n], maybe(n + 200) == maybe(n + 300))
    return 0


def target(driver, args):
    return entry_point, None
