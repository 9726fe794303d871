# Default argument values and keyword arguments in __init__, methods and super().__init__ calls.
# expect: p 0 0 origin
# expect: p 3 0 x-axis
# expect: p 1 2 point
# expect: p 5 7 named
# expect: moved 6 7 then 6 9
# expect: c 1 2 red 1.0
# expect: c 0 0 blue 0.5
# expect: c 4 4 green 2.0
# expect: grow 1.5 3.0
# expect: label [none] [x=3]


class Point:
    def __init__(self, x=0, y=0, name="point"):
        self.x = x
        self.y = y
        self.name = name

    def move(self, dx=1, dy=0):
        self.x += dx
        self.y += dy
        return self

    def show(self):
        return "p " + str(self.x) + " " + str(self.y) + " " + self.name


class ColorPoint(Point):
    def __init__(self, x=0, y=0, color="red", alpha=1.0):
        super().__init__(x, y, name="colored")
        self.color = color
        self.alpha = alpha

    def show(self):
        return "c " + str(self.x) + " " + str(self.y) + " " + self.color + " " + str(self.alpha)

    def grow(self, factor=2.0):
        self.alpha = self.alpha * factor
        return self.alpha


def label(name="none", value=-1):
    if value < 0:
        return "[" + name + "]"
    return "[" + name + "=" + str(value) + "]"


def entry_point(argv):
    print(Point(name="origin").show())
    print(Point(3, name="x-axis").show())
    print(Point(1, 2).show())
    print(Point(y=7, x=5, name="named").show())
    p = Point(5, 7)
    p.move()
    a = str(p.x) + " " + str(p.y)
    p.move(dx=0, dy=2)
    print("moved", a, "then", p.x, p.y)
    print(ColorPoint(1, 2).show())
    print(ColorPoint(color="blue", alpha=0.5).show())
    c = ColorPoint(4, 4, "green", 2.0)
    print(c.show())
    c2 = ColorPoint(alpha=0.75)
    print("grow", c2.grow(), c2.grow(factor=2.0))
    print("label", label(), label(value=3, name="x"))
    return 0


def target(driver, args):
    return entry_point, None
