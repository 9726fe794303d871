# Classes with __init__, fields of several types, methods mutating fields and calling each other.
# expect: counter 0 start
# expect: counter 3 start
# expect: counter 10 start
# expect: total 10 steps 3 last 7
# expect: counter 0 reset 4 0
# expect: point 3 4 -> 25
# expect: moved 5 1 -> 26
# expect: scaled 2.5 0.5
# expect: account alice 100
# expect: deposit ok? True balance 150
# expect: withdraw ok? False balance 150
# expect: withdraw ok? True balance 30
# expect: history 3 ops, 1 failed? False
# expect: same name alice


class Counter:
    def __init__(self, label):
        self.value = 0
        self.label = label
        self.steps = 0
        self.last = 0

    def add(self, n):
        self.value += n
        self.steps = self.steps + 1
        self.last = n
        return self.value

    def describe(self):
        return "counter " + str(self.value) + " " + self.label

    def reset(self, label):
        self.label = label
        self.value = self.add(0) * 0


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def move(self, dx, dy):
        self.x += dx
        self.y -= dy
        return self.norm2()


class FPoint:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def scale(self, f):
        self.x = self.x * f
        self.y = self.y * f


class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance
        self.ops = 0
        self.failed = 0

    def can_pay(self, amount):
        return amount <= self.balance

    def withdraw(self, amount):
        self.ops += 1
        if not self.can_pay(amount):
            self.failed += 1
            return False
        self.balance -= amount
        return True

    def deposit(self, amount):
        self.ops += 1
        self.balance += amount
        return self.balance > 0


def entry_point(argv):
    c = Counter("start")
    print(c.describe())
    c.add(1)
    c.add(2)
    print(c.describe())
    c.add(7)
    print(c.describe())
    print("total", c.value, "steps", c.steps, "last", c.last)
    c.reset("reset")
    print(c.describe(), c.steps, c.last)
    p = Point(3, 4)
    print("point", p.x, p.y, "->", p.norm2())
    print("moved", p.x + 2, p.y - 3, "->", p.move(2, 3))
    f = FPoint(5.0, 1.0)
    f.scale(0.5)
    print("scaled", f.x, f.y)
    a = Account("alice", 100)
    print("account", a.owner, a.balance)
    print("deposit ok?", a.deposit(50), "balance", a.balance)
    print("withdraw ok?", a.withdraw(200), "balance", a.balance)
    print("withdraw ok?", a.withdraw(120), "balance", a.balance)
    print("history", a.ops, "ops,", a.failed, "failed?", a.failed > 1)
    b = a
    b.owner = "alice"
    print("same name", a.owner)
    return 0


def target(driver, args):
    return entry_point, None
