# rrandom.Random: MT19937 outputs for init_genrand and init_by_array seeds, random() floats, jumpahead.
# expect: reference 3499211612 4123659995
# expect: seed 42 1608637542 3421126067 4083286876
# expect: random 0.3745401188473625 0.9507143064099162
# expect: seed 0 2357136044
# expect: seed -1 419326371
# expect: by array 0.6394267984578837 0.025010755222666936
# expect: by array 3 230832416 1117077395
# expect: jumpahead 1321529188 3362745659 True
# expect: range ok True True 49
from rpython.rlib.rrandom import Random


def entry_point(argv):
    r = Random(5489)
    first = r.genrand32()
    for i in range(9998):
        r.genrand32()
    print("reference", first, r.genrand32())
    r = Random(42)
    print("seed 42", r.genrand32(), r.genrand32(), r.genrand32())
    r = Random(42)
    print("random", r.random(), r.random())
    r = Random()
    print("seed 0", r.genrand32())
    r = Random(-1)
    print("seed -1", r.genrand32())
    r = Random()
    r.init_by_array([42])
    print("by array", r.random(), r.random())
    r.init_by_array([0x12345678, 0x9abcdef0, 7])
    print("by array 3", r.genrand32(), r.genrand32())
    r = Random(1)
    r.jumpahead(12345)
    a = r.genrand32()
    print("jumpahead", a, r.genrand32(), a != Random(1).genrand32())
    r = Random(7)
    total = 0.0
    lo = 1.0
    hi = 0.0
    for i in range(10000):
        x = r.random()
        total += x
        if x < lo:
            lo = x
        if x > hi:
            hi = x
    print("range ok", lo >= 0.0, hi < 1.0, int(total / 100.0))
    return 0


def target(driver, args):
    return entry_point, None
