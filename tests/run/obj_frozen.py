# Frozen prebuilt objects (_freeze_ returns True): constant attributes and methods, in a list.
# args: big
# expect: small 4 0.5 False 16
# expect: large 64 2.0 True 4096
# expect: chosen large 128.0 True
# expect: space 7 12 zero 0
# expect: sum sizes 68 debug 1
# expect: nested large 3
# expect: same True False


class Config:
    def __init__(self, name, size, scale, debug):
        self.name = name
        self.size = size
        self.scale = scale
        self.debug = debug

    def _freeze_(self):
        return True

    def area(self):
        return self.size * self.size

    def scaled(self):
        return self.size * self.scale


SMALL = Config("small", 4, 0.5, False)
LARGE = Config("large", 64, 2.0, True)
CONFIGS = [SMALL, LARGE]


class Space:
    def __init__(self):
        self.zero = 0
        self.config = LARGE
        self.levels = 3

    def _freeze_(self):
        return True

    def add(self, a, b):
        return a + b

    def mul(self, a, b):
        return a * b


space = Space()


def describe(cfg):
    return cfg.name + " " + str(cfg.size) + " " + str(cfg.scale) + " " + str(cfg.debug)


def choose(flag):
    if flag == "big":
        return LARGE
    return SMALL


def entry_point(argv):
    print(describe(SMALL), SMALL.area())
    print(describe(LARGE), LARGE.area())
    cfg = choose(argv[1])
    print("chosen", cfg.name, cfg.scaled(), cfg.debug)
    print("space", space.add(3, 4), space.mul(3, 4), "zero", space.zero)
    total = 0
    ndebug = 0
    for c in CONFIGS:
        total += c.size
        if c.debug:
            ndebug += 1
    print("sum sizes", total, "debug", ndebug)
    print("nested", space.config.name, space.levels)
    print("same", cfg is LARGE, cfg is SMALL)
    return 0


def target(driver, args):
    return entry_point, None
