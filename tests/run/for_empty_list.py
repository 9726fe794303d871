# expect: start
# expect: after 0
# expect: 0 empty
# expect: done 3
# A loop over a list that never receives an item ends at once (the translated loop used to
# hit an impossible-value trap).
def count(items):
    n = 0
    for x in items:
        n += x
    return n


def entry_point(argv):
    print("start")
    for x in []:
        print("never", x + 1)
    print("after", count([]))
    empty = []
    total = 0
    for s in empty:
        total += len(s)
    print(total, "empty")
    k = 0
    for i in range(3):
        for y in []:
            print(y)
        k += 1
    print("done", k)
    return 0


def target(driver, args):
    return entry_point, None
