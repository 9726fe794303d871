# A class-level constant is the default of an instance attribute of the same name: reads see
# the union of both (None with a one-character string is a nullable string), and a read
# annotated before the first write (the writing loop's items are known late) is read again.
# expect: late b
# expect: default None True
# expect: set x False
# expect: count 0 3
# expect: sub kind base sub


class Scanner(object):
    name = None

    def scan(self, text):
        for part in text.split(","):
            if part:
                self.name = part
        return self.name


class Maybe(object):
    value = None

    def pick(self, n):
        if n > 1:
            self.value = "x"
        return self.value


class Counter(object):
    count = 0

    def bump(self, n):
        for i in range(n):
            self.count += 1


class Base(object):
    kind = "base"


class Sub(Base):
    def __init__(self):
        self.kind = "sub"


def entry_point(argv):
    print("late", Scanner().scan("a,b"))
    m = Maybe().pick(len(argv))
    print("default", m, m is None)
    m2 = Maybe().pick(len(argv) + 5)
    print("set", m2, m2 is None)
    c = Counter()
    before = c.count
    c.bump(3)
    print("count", before, c.count)
    print("sub kind", Base().kind, Sub().kind)
    return 0


def target(driver, args):
    return entry_point, None
