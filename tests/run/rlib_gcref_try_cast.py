# rgc.try_cast_gcref_to_instance: a GCREF back to an instance of a class only if the object is an
# instance of it or of a subclass; None for an instance of another class (a base class, a sibling,
# an unrelated class), for a prebuilt instance of another class and for a null GCREF.
# expect: base of sub 2 True
# expect: sub of base True
# expect: sibling True
# expect: unrelated True
# expect: prebuilt 7 True
# expect: null True
# expect: kinds a=1 b=1 c=1 other=1

from rpython.rlib import rgc


class A:
    def __init__(self, n):
        self.n = n


class B(A):
    pass


class C(A):
    pass


class Other:
    def __init__(self, s):
        self.s = s


PREBUILT = A(7)


def describe(ref):
    b = rgc.try_cast_gcref_to_instance(B, ref)
    if b is not None:
        return "b"
    c = rgc.try_cast_gcref_to_instance(C, ref)
    if c is not None:
        return "c"
    a = rgc.try_cast_gcref_to_instance(A, ref)
    if a is not None:
        return "a"
    return "other"


def entry_point(argv):
    b = B(2)
    ref_b = rgc.cast_instance_to_gcref(b)
    ref_a = rgc.cast_instance_to_gcref(A(1))
    as_a = rgc.try_cast_gcref_to_instance(A, ref_b)
    print("base of sub", as_a.n, as_a is b)
    print("sub of base", rgc.try_cast_gcref_to_instance(B, ref_a) is None)
    print("sibling", rgc.try_cast_gcref_to_instance(C, ref_b) is None)
    ref_o = rgc.cast_instance_to_gcref(Other("x"))
    print("unrelated", rgc.try_cast_gcref_to_instance(A, ref_o) is None)
    ref_p = rgc.cast_instance_to_gcref(PREBUILT)
    p = rgc.try_cast_gcref_to_instance(A, ref_p)
    print("prebuilt", p.n, rgc.try_cast_gcref_to_instance(Other, ref_p) is None)
    null = rgc.cast_instance_to_gcref(None)
    print("null", rgc.try_cast_gcref_to_instance(A, null) is None)
    refs = [ref_a, ref_b, rgc.cast_instance_to_gcref(C(3)), ref_o]
    counts = {}
    for ref in refs:
        k = describe(ref)
        counts[k] = counts.get(k, 0) + 1
    print("kinds", " ".join([k + "=" + str(counts[k]) for k in ["a", "b", "c", "other"]]))
    return 0


def target(driver, args):
    return entry_point, None
