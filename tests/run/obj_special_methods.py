# The special methods RPython honours on instances: len() calls __len__, x[i] and x[i] = v call
# __getitem__ and __setitem__, iter() and for loops call __iter__, next() calls __next__ (whose
# StopIteration ends the loop); a subclass inherits them.
# expect: 3 5 7
# expect: 12
# expect: 0 5
# expect: 10
# expect: idx
# expect: 3 1009 [1001, 1004, 1009]
class Vec(object):
    def __init__(self, n): self.items = [0] * n
    def __len__(self): return len(self.items)
    def __getitem__(self, i): return self.items[i]
    def __setitem__(self, i, v): self.items[i] = v
    def __iter__(self): return VecIter(self)

class VecIter(object):
    def __init__(self, v):
        self.v = v
        self.i = 0
    def __iter__(self): return self
    def __next__(self):
        if self.i >= len(self.v):
            raise StopIteration
        self.i += 1
        return self.v[self.i - 1]

class Range(object):
    def __init__(self, n): self.n = n
    def __iter__(self): return iter(list(range(self.n)))

class Squares(Vec):
    def __init__(self, n):
        Vec.__init__(self, n)
        for i in range(n):
            self[i] = (i + 1) * (i + 1)

    def __getitem__(self, i):
        return Vec.__getitem__(self, i) + 1000


def entry_point(argv):
    v = Vec(3)
    v[1] = 5
    v[2] = v[1] + 2
    print(len(v), v[1], v[2])
    t = 0
    for x in v:
        t += x
    print(t)
    it = iter(v)
    print(next(it), next(it))
    s = 0
    for y in Range(5):
        s += y
    print(s)
    try:
        v[7]
    except IndexError:
        print("idx")
    sq = Squares(3)
    print(len(sq), sq[2], [x for x in sq])
    return 0
def target(driver, args):
    return entry_point, None
