# Inheritance four levels deep: overriding and virtual dispatch through a list of base instances.
# expect: shape blob sides=0 0.0
# expect: polygon hex sides=6 0.0
# expect: rect r sides=4 10.0
# expect: square sq sides=4 9.0
# expect: polygon tri sides=3 6.0
# expect: circle c sides=0 12.0
# expect: total area 37.0 sides 17
# expect: biggest c
# expect: perimeters 14.0 12.0
# expect: rectangular 2
# expect: level 0 1 3 4 2 1


class Shape:
    def __init__(self, name):
        self.name = name

    def area(self):
        return 0.0

    def sides(self):
        return 0

    def kind(self):
        return "shape"

    def level(self):
        return 0

    def describe(self):
        return self.kind() + " " + self.name + " sides=" + str(self.sides())


class Polygon(Shape):
    def __init__(self, name, n):
        Shape.__init__(self, name)
        self.n = n

    def sides(self):
        return self.n

    def kind(self):
        return "polygon"

    def level(self):
        return 1


class Rect(Polygon):
    def __init__(self, name, w, h):
        Polygon.__init__(self, name, 4)
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h

    def kind(self):
        return "rect"

    def perimeter(self):
        return 2.0 * (self.w + self.h)

    def level(self):
        return Polygon.level(self) + 2


class Square(Rect):
    def __init__(self, name, s):
        Rect.__init__(self, name, s, s)

    def kind(self):
        return "square"

    def level(self):
        return Rect.level(self) + 1


class Triangle(Polygon):
    def __init__(self, name, b, h):
        Polygon.__init__(self, name, 3)
        self.b = b
        self.h = h

    def area(self):
        return self.b * self.h / 2.0

    def level(self):
        return 2


class Circle(Shape):
    def __init__(self, name, r):
        Shape.__init__(self, name)
        self.r = r

    def area(self):
        return 3.0 * self.r * self.r

    def kind(self):
        return "circle"

    def level(self):
        return 1


def biggest(shapes):
    best = shapes[0]
    for s in shapes:
        if s.area() > best.area():
            best = s
    return best


def entry_point(argv):
    r = Rect("r", 2.0, 5.0)
    sq = Square("sq", 3.0)
    shapes = [Shape("blob"), Polygon("hex", 6), r, sq]
    shapes.append(Triangle("tri", 4.0, 3.0))
    shapes.append(Circle("c", 2.0))
    total = 0.0
    nsides = 0
    rectangular = 0
    for s in shapes:
        print(s.describe(), s.area())
        total += s.area()
        nsides += s.sides()
        if s.kind() == "rect" or s.kind() == "square":
            rectangular += 1
    print("total area", total, "sides", nsides)
    print("biggest", biggest(shapes).name)
    print("perimeters", r.perimeter(), sq.perimeter())
    print("rectangular", rectangular)
    print("level", shapes[0].level(), shapes[1].level(), shapes[2].level(),
          shapes[3].level(), shapes[4].level(), shapes[5].level())
    return 0


def target(driver, args):
    return entry_point, None
