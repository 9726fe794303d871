# fatal: IndexError
# expect: 10 30 10
# expect: 40
# expect: reading index 5
def get(items, i):
    return items[i]


def entry_point(argv):
    items = [10, 20, 30]
    print(get(items, 0), get(items, 2), get(items, -3))
    items.append(40)
    print(get(items, 3))
    n = len(argv) + 4
    print("reading index", n)
    print(get(items, n))
    print("not reached")
    return 0


def target(driver, args):
    return entry_point, None
