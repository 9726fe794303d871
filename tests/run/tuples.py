# expect: 3 2
# expect: -4 3
# expect: 14 2
# expect: -2 9 18 4.5
# expect: ann 30 True
# expect: tim 12 False
# expect: 2 1
# expect: 2 x 3.5
# expect: 1 2 x 3.5
# expect: 5
def divmod_pair(a, b):
    return a // b, a % b


def min_max(items):
    lo = items[0]
    hi = items[0]
    for x in items:
        if x < lo:
            lo = x
        if x > hi:
            hi = x
    return lo, hi


def stats(items):
    lo, hi = min_max(items)
    total = 0
    for x in items:
        total += x
    return lo, hi, total, total / len(items)


def make_person(name, age):
    return (name, age, age >= 18)


def entry_point(argv):
    q, r = divmod_pair(17, 5)
    print(q, r)
    q, r = divmod_pair(-17, 5)
    print(q, r)
    t = divmod_pair(100, 7)
    print(t[0], t[1])
    lo, hi, total, avg = stats([4, -2, 9, 7])
    print(lo, hi, total, avg)
    p = make_person("ann", 30)
    print(p[0], p[1], p[2])
    name, age, adult = make_person("tim", 12)
    print(name, age, adult)
    pair = (1, 2)
    a, b = pair
    pair = (b, a)
    print(pair[0], pair[1])
    nested = ((1, 2), ("x", 3.5))
    print(nested[0][1], nested[1][0], nested[1][1])
    c, d = nested[0]
    e, f = nested[1]
    print(c, d, e, f)
    t3 = (5,)
    print(t3[0])
    return 0


def target(driver, args):
    return entry_point, None
