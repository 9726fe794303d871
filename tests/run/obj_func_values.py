# Functions as values: chosen at run time, in lists, tuples and attributes, passed as arguments.
# args: mul 3
# expect: picked 42
# expect: ops 13 7 30 10
# expect: fold 10 24 9 100
# expect: indexed -1
# expect: [hi!][hi!]
# expect: clicks double 6 square 9
# expect: add 7
# expect: mul 10
# expect: maybe 16 True
# expect: applied 2 4 9 16


def add(a, b):
    return a + b


def sub(a, b):
    return a - b


def mul(a, b):
    return a * b


def maxi(a, b):
    if a > b:
        return a
    return b


OPS = [add, sub, mul, maxi]
TABLE = [("add", add), ("mul", mul)]


def exclaim(s):
    return s + "!"


def wrap(s):
    return "[" + s + "]"


def twice(s):
    return s + s


STR_FUNCS = [exclaim, wrap, twice]


def double(n):
    return 2 * n


def square(n):
    return n * n


def pick(name):
    if name == "add":
        return add
    elif name == "sub":
        return sub
    return mul


def fold(f, items, start):
    acc = start
    for x in items:
        acc = f(acc, x)
    return acc


class Button:
    def __init__(self, label, handler):
        self.label = label
        self.handler = handler

    def click(self, n):
        return self.handler(n)


def entry_point(argv):
    f = pick(argv[1])
    n = int(argv[2])
    print("picked", f(6, 7))
    print("ops", OPS[0](10, 3), OPS[1](10, 3), OPS[2](10, 3), OPS[3](10, 3))
    print("fold", fold(add, [1, 2, 3, 4], 0), fold(mul, [1, 2, 3, 4], 1),
          fold(maxi, [3, 9, 2], 0), fold(OPS[n], [5, 1], 100))
    g = OPS[n - 2]
    print("indexed", g(1, 2))
    s = "hi"
    for fn in STR_FUNCS:
        s = fn(s)
    print(s)
    buttons = [Button("double", double), Button("square", square)]
    print("clicks", buttons[0].label, buttons[0].click(n), buttons[1].label, buttons[1].click(n))
    for name, fn in TABLE:
        print(name, fn(2, 5))
    h = None
    if n > 2:
        h = square
    if h is not None:
        print("maybe", h(4), h is square)
    out = "applied"
    for i in range(1, 5):
        k = double
        if i > 2:
            k = square
        buttons[0].handler = k
        out += " " + str(buttons[0].click(i))
    print(out)
    return 0


def target(driver, args):
    return entry_point, None
