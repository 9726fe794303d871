# Class hints: _attrs_, __slots__, _immutable_fields_ ("?" and "[*]"), _immutable_ = True.
# expect: vec 4 6 vec3 1 2 3 sum 6
# expect: len2 52 14
# expect: slotted a 1 2 extra b 10 1
# expect: config prod 3 flags 3 first debug
# expect: upgraded 5 enabled True False
# expect: red 255 0 0 mix 127 0 127 brightness 254
# expect: palette 3 total 1275
# expect: same prebuilt True


class Vec:
    _attrs_ = ["x", "y"]

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def len2(self):
        return self.x * self.x + self.y * self.y


class Vec3(Vec):
    _attrs_ = ["z"]

    def __init__(self, x, y, z):
        Vec.__init__(self, x, y)
        self.z = z

    def len2(self):
        return Vec.len2(self) + self.z * self.z


class Slotted:
    __slots__ = ("name", "count")

    def __init__(self, name):
        self.name = name
        self.count = 0

    def bump(self):
        self.count += 1
        return self.count


class Named(Slotted):
    __slots__ = ("extra",)

    def __init__(self, name, extra):
        Slotted.__init__(self, name)
        self.extra = extra


class Config:
    _immutable_fields_ = ["name", "version?", "flags[*]"]

    def __init__(self, name, version, flags):
        self.name = name
        self.version = version
        self.flags = flags

    def enabled(self, flag):
        for f in self.flags:
            if f == flag:
                return True
        return False

    def upgrade(self, n):
        self.version = self.version + n


class Color:
    _immutable_ = True

    def __init__(self, r, g, b):
        self.r = r
        self.g = g
        self.b = b

    def mix(self, other):
        return Color((self.r + other.r) // 2, (self.g + other.g) // 2, (self.b + other.b) // 2)

    def brightness(self):
        return self.r + self.g + self.b


RED = Color(255, 0, 0)
BLUE = Color(0, 0, 255)
PALETTE = [RED, Color(0, 255, 0), BLUE, Color(255, 255, 0)]


def entry_point(argv):
    v = Vec(1, 2).add(Vec(3, 4))
    w = Vec3(1, 2, 3)
    print("vec", v.x, v.y, "vec3", w.x, w.y, w.z, "sum", w.x + w.y + w.z)
    vs = [v, w]
    print("len2", vs[0].len2(), vs[1].len2())
    s = Slotted("a")
    s.bump()
    n = Named("b", 10)
    n.bump()
    print("slotted", s.name, s.count, s.bump(), "extra", n.name, n.extra, n.count)
    c = Config("prod", 3, ["debug", "trace", "fast"])
    print("config", c.name, c.version, "flags", len(c.flags), "first", c.flags[0])
    c.upgrade(2)
    print("upgraded", c.version, "enabled", c.enabled("fast"), c.enabled("slow"))
    m = RED.mix(BLUE)
    print("red", RED.r, RED.g, RED.b, "mix", m.r, m.g, m.b, "brightness", m.brightness())
    total = 0
    for col in PALETTE:
        total += col.brightness()
    print("palette", len(PALETTE) - 1, "total", total)
    print("same prebuilt", PALETTE[2] is BLUE)
    return 0


def target(driver, args):
    return entry_point, None
