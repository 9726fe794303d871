# rgc's GCREF helpers: cast_instance_to_gcref of instances of unrelated classes (one list holds
# them), cast_gcref_to_instance back, a GCREF that may be None, get_rpy_memory_usage (a size
# in bytes: more for an instance with more fields) and get_rpy_type_index (one number per
# class). Sizes differ between CPython and translated programs, so only their order is printed.
# expect: back 3 x True
# expect: none True False
# expect: sizes True True
# expect: type index True False

from rpython.rlib import rgc


class Small:
    def __init__(self, n):
        self.n = n


class Big:
    def __init__(self, s):
        self.s = s
        self.a = 1
        self.b = 2
        self.c = 3.5
        self.d = [1]


def entry_point(argv):
    small = Small(3)
    big = Big("x")
    refs = [rgc.cast_instance_to_gcref(small), rgc.cast_instance_to_gcref(big)]
    s = rgc.cast_gcref_to_instance(Small, refs[0])
    b = rgc.cast_gcref_to_instance(Big, refs[1])
    print("back", s.n, b.s, s is small)
    maybe = rgc.cast_instance_to_gcref(None)
    if len(argv) >= 0:
        other = rgc.cast_instance_to_gcref(small)
    else:
        other = maybe
    print("none", maybe is None, other is None)
    n0 = rgc.get_rpy_memory_usage(refs[0])
    n1 = rgc.get_rpy_memory_usage(refs[1])
    print("sizes", n0 > 0, n1 > n0)
    t0 = rgc.get_rpy_type_index(refs[0])
    t1 = rgc.get_rpy_type_index(refs[1])
    t2 = rgc.get_rpy_type_index(rgc.cast_instance_to_gcref(Small(4)))
    print("type index", t0 == t2, t0 == t1)
    return 0


def target(driver, args):
    return entry_point, None
