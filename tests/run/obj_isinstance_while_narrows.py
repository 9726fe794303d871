# The condition of a `while` is built as jumps too: `isinstance(w, C) and ...` narrows `w` in the
# body, and `not`/`or` tests reach the loop's `else`.
# expect: 3 0
# expect: else 2
class W(object):
    pass
class WInt(W):
    def __init__(self, v, nxt):
        self.v = v
        self.nxt = nxt
class WEnd(W):
    pass

def total(w):
    t = 0
    while isinstance(w, WInt) and w.v >= 0:
        t += w.v
        w = w.nxt
    return t

def entry_point(argv):
    w = WInt(1, WInt(2, WInt(-1, WInt(5, WEnd()))))
    print(total(w), total(WEnd()))
    i = 0
    while not (i > 3 or i == 2):
        i += 1
    else:
        print("else", i)
    return 0
def target(driver, args):
    return entry_point, None
