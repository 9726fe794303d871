# Attributes set only in subclasses' __init__ but read and written through the base class.
# expect: sicp:6 rock:20 crate:9
# expect: total 35 names sicp,rock,crate
# expect: sicp:7 rock:21 crate:10
# expect: total 38
# expect: inside tao:3 rock:5 count 2
# expect: heaviest rock 21
# expect: renamed big-rock:21 True


class Item:
    def describe(self):
        return self.name + ":" + str(self.weight)

    def heavier(self, other):
        return self.weight > other.weight


class Book(Item):
    def __init__(self, title, pages):
        self.name = title
        self.pages = pages
        self.weight = pages // 100


class Rock(Item):
    def __init__(self, w):
        self.name = "rock"
        self.weight = w


class Box(Item):
    def __init__(self, name, contents):
        self.name = name
        self.contents = contents
        w = 1
        for c in contents:
            w += c.weight
        self.weight = w


def total(items):
    t = 0
    for x in items:
        t += x.weight
    return t


def names(items):
    s = ""
    for x in items:
        if s != "":
            s += ","
        s += x.name
    return s


def entry_point(argv):
    box = Box("crate", [Book("tao", 350), Rock(5)])
    items = [Book("sicp", 657), Rock(20), box]
    print(items[0].describe(), items[1].describe(), items[2].describe())
    print("total", total(items), "names", names(items))
    for x in items:
        x.weight += 1
    print(items[0].describe(), items[1].describe(), items[2].describe())
    print("total", total(items))
    print("inside", box.contents[0].describe(), box.contents[1].describe(),
          "count", len(box.contents))
    best = items[0]
    for x in items:
        if x.heavier(best):
            best = x
    print("heaviest", best.name, best.weight)
    best.name = "big-" + best.name
    print("renamed", items[1].describe(), items[1] is best)
    return 0


def target(driver, args):
    return entry_point, None
