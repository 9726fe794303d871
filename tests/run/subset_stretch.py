# expect: 2 -1
# expect: 867 -867
# expect: 6
# expect: 10 7 4 1 |
# expect: -5
# expect: -10
# expect: -15
# expect: 6,4,2,
# expect: 11 -348
# expect: 1 2 2
# expect: 12 3 10
# expect: 21 42
# expect: héllo wörld 11 héllo wörld!
# expect: in noret
# expect: None
# expect: in noret
# expect: True
# expect: 3 é ñ 241 é
# expect: 8 3 5 c
# expect: 1 a 2 b 3 c |
# expect: 55 89
# expect: 12 9
# Valid programs at the edges of the subset: nested loops with break/continue/else, while/else,
# negative and variable range steps, deep expressions, chained comparisons, `and`/`or` values,
# tuples returned and unpacked, non-ASCII strings, lists filled later, lists of lists, functions
# returning None.
def search(n):
    found = -1
    for i in range(n):
        for j in range(n):
            if i * j == 12:
                found = i
                break
            elif j > i:
                continue
            else:
                pass
        else:
            continue
        break
    return found


def whiles(n):
    i = 0
    total = 0
    while i < n:
        i += 1
        if i % 3 == 0:
            continue
        if i > 50:
            break
        total += i
    else:
        total = -total
    return total


def deep(a, b, c):
    return ((((a + b) * (c - a)) // (b + 1)) % 7 + (a * (b * (c * (a + 1))))) - (a - (b - (c - (a - b))))


def chain(x):
    if 0 < x < 10 <= x * 10 < 1000:
        return 1
    if x == x == x != x + 1:
        return 2
    return 3


def andor(a, b):
    x = a and b
    y = a or b
    z = (a and b) or (not a and 7)
    return x + y + z


def pair(n):
    return n, n * 2


def triple(s):
    return s, len(s), s + "!"


def noret():
    print("in noret")


def entry_point(argv):
    print(search(10), search(3))
    print(whiles(100), whiles(50))
    k = 0
    while True:
        k += 1
        if k > 5:
            break
    print(k)
    for i in range(10, 0, -3):
        print(i, end=" ")
    print("|")
    for i in range(-5, -20, -5):
        print(i)
    for i in range(5, 0):
        print("never")
    step = -2
    for i in range(6, 0, step):
        print(i, end=",")
    print("")
    print(deep(1, 2, 3), deep(-4, 5, -6))
    print(chain(5), chain(50), chain(-1))
    print(andor(0, 5), andor(3, 0), andor(2, 4))
    a, b = pair(21)
    print(a, b)
    s, n, t = triple("héllo wörld")
    print(s, n, t)
    print(noret())
    x = noret()
    print(x is None)
    word = "ñé"
    print(len("àéî"), "àéî"[1], word[0], ord(word[0]), chr(233))
    rows = []
    for r in range(3):
        row = []
        for c in range(3):
            row.append(r * 3 + c)
        rows.append(row)
    names = []
    names.append("a")
    names.append("bc")
    print(rows[2][2], len(rows), rows[1][2], names[1][1])
    for num, name in [(1, "a"), (2, "b"), (3, "c")]:
        print(num, name, end=" ")
    print("|")
    p, q = 0, 1
    for i in range(10):
        p, q = q, p + q
    print(p, q)
    grid = [[1, 2], [3, 4]]
    grid[0][1] += 10
    grid[1][0] *= 3
    print(grid[0][1], grid[1][0])
    return 0


def target(driver, args):
    return entry_point, None
