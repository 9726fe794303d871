# rpython.rlib.unroll.unrolling_iterable: a `for` over one is unrolled when the graph is built,
# each copy of the body seeing the item as a constant: opcode dispatch through
# getattr(self, 'op_' + name), tuples of constants as items, `break`, `continue` and `else`.
# expect: sizes 30
# expect: dispatch 5 6 -1 ops ['add', 'mul', 'neg']
# expect: pairs 1a 2b 3c
# expect: first big 8
# expect: skipped 14
# expect: no break 7
# expect: set 3 4
from rpython.rlib.unroll import unrolling_iterable

SIZES = unrolling_iterable([1, 2, 4, 8])
OPS = unrolling_iterable(["add", "mul", "neg"])
PAIRS = unrolling_iterable([(1, "a"), (2, "b"), (3, "c")])
FIELDS = unrolling_iterable(["x", "y"])


class Machine(object):
    def __init__(self):
        self.log = []

    def op_add(self, a, b):
        return a + b

    def op_mul(self, a, b):
        return a * b

    def op_neg(self, a, b):
        return -a

    def run(self, opname, a, b):
        for name in OPS:
            if opname == name:
                self.log.append(name)
                return getattr(self, "op_" + name)(a, b)
        return 0


class Point(object):
    def __init__(self):
        self.x = 0
        self.y = 0


def entry_point(argv):
    n = len(argv) + 1
    total = 0
    for s in SIZES:
        total += s * n
    print("sizes", total)
    m = Machine()
    print("dispatch", m.run("add", 2, 3), m.run("mul", 2, 3), m.run("neg", 1, 0), "ops", m.log)
    out = []
    for num, letter in PAIRS:
        out.append(str(num) + letter)
    print("pairs", " ".join(out))
    found = -1
    for s in SIZES:
        if s * n > 10:
            found = s
            break
    print("first big", found)
    acc = 0
    for s in SIZES:
        if s == 1:
            continue
        acc += s
    print("skipped", acc)
    for s in SIZES:
        if s > 100:
            break
    else:
        print("no break", 7)
    p = Point()
    v = 3
    for f in FIELDS:
        setattr(p, f, v)
        v += 1
    print("set", p.x, p.y)
    return 0


def target(driver, args):
    return entry_point, None
