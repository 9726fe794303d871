# More builtins: divmod, round, pow, hex/oct/bin, getattr/setattr with constant names,
# range() as a list, sets (add, discard, remove, |, &, -, set comprehensions), augmented assignments.
# expect: 3 2 2 3.14 1024 3 2 1
# expect: 3 3
# expect: 5 0xff 0o10 0b101 A 97 3 2.0 1.0 False
# expect: abcabc abc 3 bc c [0, 1, 2] [1, 2]
# expect: 18 -4 2 3.0 0.5 2.5
# expect: 2 True False 3 1 1 2 [1, 3] [2, 4]
# expect: 0 1 -2 1200.0 (-4, 1)
class A(object):
    def __init__(self, x):
        self.x = x

def entry_point(argv):
    q, r = divmod(17, 5)
    print(q, r, round(2.5), round(3.14159, 2), pow(2, 10), abs(-3), max(1, 2), min([3, 1]))
    a = A(3)
    print(getattr(a, "x"), a.x if isinstance(a, A) else 0)
    setattr(a, "x", 5)
    print(a.x, hex(255), oct(8), bin(5), chr(65), ord("a"), int(3.9), float(2), str(1.0), bool(0))
    s = "abc"
    print(s * 2, s.upper().lower(), len(s), s[1:], s[-1], list(range(3)), [i for i in range(3) if i])
    x = 7
    x //= 2
    x **= 2
    x <<= 1
    print(x, 7 // -2, -7 % 3, 7.5 // 2, 2.0 ** -1, 10 / 4)
    sets()
    return 0



def target(driver, args):
    return entry_point, None

def sets():
    s = set()
    s.add(3)
    s.add(1)
    s.add(3)
    t = {1, 2}
    u = set([5, 6, 5])
    print(len(s), 3 in s, 2 in s, len(s | t), len(s & t), len(s - t), len(u), sorted(s), sorted({x * 2 for x in t}))
    s.discard(3)
    s.remove(1)
    print(len(s), pow(3, 4, 5), round(-2.5), round(1234.5678, -2), divmod(-7, 2))
