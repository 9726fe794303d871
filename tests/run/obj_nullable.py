# Nullable attributes and variables (instance, str or list, or None) with is None checks.
# expect: ceo True 0 ceo
# expect: vp False 1 ceo
# expect: eng False 2 ceo
# expect: intern False 3 ceo
# expect: ceo vp alice intern
# expect: True True
# expect: found vp ceo
# expect: reports 1 1 1 0
# expect: False True
# expect: depth2 eng
# expect: detached 0 intern True
# expect: nick None? True eng
# expect: no match None? True


class Person:
    def __init__(self, name, boss):
        self.name = name
        self.boss = boss
        self.nickname = None
        self.reports = None

    def chain(self):
        n = 0
        p = self.boss
        while p is not None:
            n += 1
            p = p.boss
        return n

    def top(self):
        p = self
        while p.boss is not None:
            p = p.boss
        return p

    def display(self):
        if self.nickname is None:
            return self.name
        return self.nickname

    def add_report(self, other):
        if self.reports is None:
            self.reports = []
        self.reports.append(other)

    def nreports(self):
        if self.reports is None:
            return 0
        return len(self.reports)


def find(people, name):
    for p in people:
        if p.name == name:
            return p
    return None


def entry_point(argv):
    ceo = Person("ceo", None)
    vp = Person("vp", ceo)
    eng = Person("eng", vp)
    intern = Person("intern", eng)
    people = [ceo, vp, eng, intern]
    for p in people:
        print(p.name, p.boss is None, p.chain(), p.top().name)
    eng.nickname = "alice"
    print(ceo.display(), vp.display(), eng.display(), intern.display())
    print(find(people, "eng") is not None, find(people, "cto") is None)
    r = find(people, "vp")
    if r is not None:
        print("found", r.name, r.boss.name)
    for p in people:
        if p.boss is not None:
            p.boss.add_report(p)
    print("reports", ceo.nreports(), vp.nreports(), eng.nreports(), intern.nreports())
    print(ceo.reports is None, intern.reports is None)
    cur = None
    for p in people:
        if p.chain() == 2:
            cur = p
    if cur is not None:
        print("depth2", cur.name)
    intern.boss = None
    print("detached", intern.chain(), intern.top().name, intern.boss is None)
    eng.nickname = None
    print("nick None?", eng.nickname is None, eng.display())
    m = find(people, "nobody")
    print("no match None?", m is None)
    return 0


def target(driver, args):
    return entry_point, None
