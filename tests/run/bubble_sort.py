# expect: 38 27 43 3 9 82 10 -5 27 0
# expect: sorted? False
# expect: swaps 29
# expect: -5 0 3 9 10 27 27 38 43 82
# expect: sorted? True
# expect: swaps 0
# expect: swaps 44
# expect: 82 43 38 27 27 10 9 3 0 -5
# expect: 38 27 43 3 9 82 10 -5 27 0
# expect: apple fig kiwi pear
DATA = [38, 27, 43, 3, 9, 82, 10, -5, 27, 0]


def copy(items):
    result = []
    for x in items:
        result.append(x)
    return result


def bubble_sort(items, descending):
    n = len(items)
    swaps = 0
    while n > 1:
        swapped = False
        for i in range(1, n):
            a = items[i - 1]
            b = items[i]
            if (a > b and not descending) or (a < b and descending):
                items[i - 1] = b
                items[i] = a
                swaps += 1
                swapped = True
        if not swapped:
            break
        n -= 1
    return swaps


def show(items):
    line = ""
    for x in items:
        if len(line) > 0:
            line += " "
        line += str(x)
    print(line)


def is_sorted(items):
    for i in range(1, len(items)):
        if items[i - 1] > items[i]:
            return False
    return True


def entry_point(argv):
    items = copy(DATA)
    show(items)
    print("sorted?", is_sorted(items))
    print("swaps", bubble_sort(items, False))
    show(items)
    print("sorted?", is_sorted(items))
    print("swaps", bubble_sort(items, False))
    print("swaps", bubble_sort(items, True))
    show(items)
    show(DATA)
    words = ["pear", "fig", "apple", "kiwi"]
    for i in range(len(words)):
        for j in range(len(words) - 1 - i):
            if words[j] > words[j + 1]:
                words[j], words[j + 1] = words[j + 1], words[j]
    print(words[0], words[1], words[2], words[3])
    return 0


def target(driver, args):
    return entry_point, None
