# listsort: TimSort on ints, a subclass overriding lt, make_timsort_class with lt (stability), listlength.
# args: pear apple fig banana cherry
# expect: 0 1 2 3 4 5 5 6 7 8 9
# expect: big sorted True 0 999 1000
# expect: 7 8 9 6 5 4
# expect: 9 6 5 5 5 4 3 3 2 1 1
# expect: stable True 0 0 4 197
# expect: banana cherry apple pear fig
# expect: 0 42
from rpython.rlib.listsort import TimSort, make_timsort_class


class Item:
    def __init__(self, key, tag):
        self.key = key
        self.tag = tag


def item_lt(a, b):
    return a.key < b.key


ItemSort = make_timsort_class(lt=item_lt)


class DescSort(make_timsort_class()):
    def lt(self, a, b):
        return a > b


def longer(a, b):
    return len(a) > len(b)


LengthSort = make_timsort_class(lt=longer)


def show(lst):
    parts = []
    for x in lst:
        parts.append(str(x))
    return " ".join(parts)


def entry_point(argv):
    lst = [5, 3, 9, 1, 5, 7, 2, 8, 0, 6, 4]
    TimSort(lst).sort()
    print(show(lst))
    big = []
    seed = 12345
    for i in range(1000):
        seed = (seed * 1103515245 + 12345) % 2147483648
        big.append(seed % 1000)
    TimSort(big).sort()
    ok = True
    for i in range(1, len(big)):
        if big[i - 1] > big[i]:
            ok = False
    print("big sorted", ok, big[0], big[999], len(big))
    part = [9, 8, 7, 6, 5, 4]
    TimSort(part, 3).sort()
    print(show(part))
    desc = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
    DescSort(desc).sort()
    print(show(desc))
    items = []
    for i in range(200):
        items.append(Item((i * 7) % 5, i))
    ItemSort(items).sort()
    stable = True
    for i in range(1, len(items)):
        a = items[i - 1]
        b = items[i]
        if a.key > b.key or (a.key == b.key and a.tag > b.tag):
            stable = False
    print("stable", stable, items[0].key, items[0].tag, items[199].key, items[199].tag)
    words = []
    for i in range(1, len(argv)):
        words.append(argv[i])
    LengthSort(words).sort()
    print(" ".join(words))
    empty = []
    TimSort(empty).sort()
    one = [42]
    TimSort(one).sort()
    print(len(empty), show(one))
    return 0


def target(driver, args):
    return entry_point, None
