# List methods implemented by the prelude: insert, pop(i), index, count, remove, reverse, extend, in.
# expect: 9 1 2 7 3 5 6
# expect: 9 3 1 1 False False
# expect: 5
# expect: 7
# expect: 1
# expect: 10
# expect: 11
# expect: not found
def entry_point(argv):
    l = [1, 2, 3]
    l.insert(0, 9)
    l.insert(-1, 7)
    l.insert(100, 5)
    print(l[0], l[1], l[2], l[3], l[4], l[5], len(l))
    print(l.pop(0), l.pop(-2), l.index(2), l.count(5), 3 in l, 42 in l)
    l.remove(2)
    l.reverse()
    l.extend([10, 11])
    for x in l:
        print(x)
    try:
        l.index(99)
    except ValueError:
        print("not found")
    return 0


def target(driver, args):
    return entry_point, None
