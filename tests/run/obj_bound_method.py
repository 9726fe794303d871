# Bound methods as values: taken from an instance, stored, passed as arguments, called later.
# One variable holds methods of one name (of instances of one class family).
# expect: a 12 12
# expect: after sub 10
# expect: scaled 60 60
# expect: a 11
# expect: s 70
# expect: chosen 9 sub
# expect: timer 109 109
# expect: counts 1 2 3 total 6
# expect: names s-1 a-2


class Acc:
    def __init__(self, name):
        self.name = name
        self.total = 0

    def add(self, n):
        self.total += n
        return self.total

    def sub(self, n):
        self.total -= n
        return self.total

    def label(self, n):
        return self.name + "-" + str(n)


class Scaled(Acc):
    def __init__(self, name, k):
        Acc.__init__(self, name)
        self.k = k

    def add(self, n):
        self.total += n * self.k
        return self.total


def apply_all(f, items):
    r = 0
    for x in items:
        r = f(x)
    return r


class Timer:
    def __init__(self, callback):
        self.callback = callback

    def fire(self, n):
        return self.callback(n)


class Counter:
    def __init__(self):
        self.n = 0

    def tick(self):
        self.n += 1
        return self.n


def entry_point(argv):
    a = Acc("a")
    f = a.add
    f(5)
    print(a.name, f(7), a.total)
    g = a.sub
    print("after sub", g(2))
    s = Scaled("s", 10)
    h = s.add
    print("scaled", apply_all(h, [1, 2, 3]), s.total)
    accs = [a, s]
    for acc in accs:
        m = acc.add
        print(acc.name, m(1))
    if len(argv) > 5:
        m2 = s.sub
        which = "s.sub"
    else:
        m2 = a.sub
        which = "sub"
    print("chosen", m2(2), which)
    t = Timer(a.add)
    print("timer", t.fire(100), a.total)
    c = Counter()
    tick = c.tick
    x = tick()
    y = tick()
    z = tick()
    print("counts", x, y, z, "total", x + y + z)
    lab1 = s.label
    lab2 = accs[0].label
    print("names", lab1(1), lab2(2))
    return 0


def target(driver, args):
    return entry_point, None
