# Classes as values: a list of classes instantiated at run time, classes passed to functions.
# args: 2
# expect: soldier 10 5
# expect: archer 10 4
# expect: knight 30 10
# expect: unit 40 1
# expect: names soldier archer knight unit
# expect: arrows 4 4 1 left 0
# expect: made knight 14 10 True
# expect: chosen archer 4
# expect: power 31 hp 108


class Unit:
    NAME = "unit"

    def __init__(self, hp):
        self.hp = hp

    def attack(self):
        return 1


class Soldier(Unit):
    NAME = "soldier"

    def attack(self):
        return 5


class Archer(Unit):
    NAME = "archer"

    def __init__(self, hp):
        Unit.__init__(self, hp // 2)
        self.arrows = 3

    def attack(self):
        if self.arrows > 0:
            self.arrows -= 1
            return 4
        return 1


class Knight(Soldier):
    NAME = "knight"

    def attack(self):
        return Soldier.attack(self) * 2


CLASSES = [Soldier, Archer, Knight, Unit]


def make(cls, hp):
    return cls(hp)


def entry_point(argv):
    army = []
    for i in range(len(CLASSES)):
        cls = CLASSES[i]
        army.append(cls(10 * (i + 1)))
    for u in army:
        print(u.NAME, u.hp, u.attack())
    names = "names"
    for cls in CLASSES:
        names += " " + cls.NAME
    print(names)
    archer = army[1]
    if isinstance(archer, Archer):
        print("arrows", archer.attack(), archer.attack(), archer.attack(), "left", archer.arrows)
    k = make(CLASSES[int(argv[1])], 14)
    print("made", k.NAME, k.hp, k.attack(), isinstance(k, Soldier))
    if len(argv) > 3:
        c2 = Soldier
    else:
        c2 = Archer
    o = make(c2, 9)
    print("chosen", o.NAME, o.hp)
    army.append(k)
    army.append(o)
    power = 0
    hp = 0
    for u in army:
        power += u.attack()
        hp += u.hp
    print("power", power, "hp", hp)
    return 0


def target(driver, args):
    return entry_point, None
