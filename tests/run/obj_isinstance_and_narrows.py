# The condition of an `if` with `and`, `or` and `not` is evaluated as jumps (short-circuit, in
# order), so `isinstance(x, C) and ...` narrows `x` to `C` in the body, as in RPython.
# expect: -1 -1
# expect: 50 50
# expect: 3 -1
# expect: 0 -1
# expect: yes
# expect: yes2
class W(object):
    pass
class WInt(W):
    def __init__(self, v): self.v = v
class WStr(W):
    def __init__(self, s): self.s = s

def f(w, flag):
    if isinstance(w, WInt) and w.v > 1:
        return w.v * 10
    elif not isinstance(w, WStr) or flag:
        return -1
    if w is not None and isinstance(w, WStr):
        return len(w.s)
    return 0

def entry_point(argv):
    for w in [WInt(1), WInt(5), WStr("abc"), WStr("")]:
        print(f(w, False), f(w, True))
    x = 3
    if not (x > 2 and x < 5) or x == 7:
        print("no")
    else:
        print("yes")
    if (x > 5 or x < 4) and not x == 0:
        print("yes2")
    return 0
def target(driver, args):
    return entry_point, None
