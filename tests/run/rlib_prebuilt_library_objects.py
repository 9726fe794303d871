# Library objects built at import time: a prebuilt rrandom.Random is an ordinary instance (its
# methods are translated code), a JitDriver subclass giving greens and reds as class attributes
# is a JIT driver, and AnnotatorPolicy can be imported (targets return or subclass it).
# expect: random 0.417022004702574 0.7203244934421581
# expect: driver 46
# expect: policy ok
from rpython.rlib.rrandom import Random
from rpython.rlib.jit import JitDriver
from rpython.annotator.policy import AnnotatorPolicy

rng = Random(1)


class CountDriver(JitDriver):
    greens = ["pc"]
    reds = ["acc"]


driver = CountDriver()


class Policy(AnnotatorPolicy):
    pass


def count(acc):
    pc = 0
    while pc < 10:
        driver.jit_merge_point(pc=pc, acc=acc)
        acc += pc
        pc += 1
    return acc


def entry_point(argv):
    print("random", rng.random(), rng.random())
    print("driver", count(len(argv)))
    print("policy", "ok")
    return 0


def target(driver, args):
    return entry_point, None
