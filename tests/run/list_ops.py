# expect: [5, 3, 8] 3 16
# expect: [5, 3, 8, 1, -4] 5
# expect: 5 8 -4 1 -4
# expect: [50, 3, 8, 1, 40]
# expect: 40 1 [50, 3, 8]
# expect: [0, 0, 0, 0, 0] 5
# expect: [0, 0, 7, 0, 0]
# expect: 0 []
# expect: [0, 1, 4, 9] 14
# expect: [1, 2, 4, 8, 16, 32]
# expect: 0
# expect: [9, -1, -1] [9, -1, -1] 3
def total(items):
    t = 0
    for x in items:
        t += x
    return t


def show(items):
    line = "["
    i = 0
    while i < len(items):
        if i > 0:
            line += ", "
        line += str(items[i])
        i += 1
    return line + "]"


def entry_point(argv):
    a = [5, 3, 8]
    print(show(a), len(a), total(a))
    a.append(1)
    a.append(-4)
    print(show(a), len(a))
    print(a[0], a[2], a[-1], a[-2], a[len(a) - 1])
    a[0] = 50
    a[-1] = 40
    print(show(a))
    x = a.pop()
    y = a.pop()
    print(x, y, show(a))
    zeros = [0] * 5
    print(show(zeros), len(zeros))
    zeros[2] = 7
    print(show(zeros))
    empty = []
    print(len(empty), show(empty))
    for i in range(4):
        empty.append(i * i)
    print(show(empty), total(empty))
    stack = [1]
    while len(stack) < 6:
        stack.append(stack[-1] * 2)
    print(show(stack))
    while len(stack) > 0:
        stack.pop()
    print(len(stack))
    b = [-1] * 3
    c = b
    c[0] = 9
    print(show(b), show(c), len(c))
    return 0


def target(driver, args):
    return entry_point, None
