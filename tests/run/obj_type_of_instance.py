# type(x) of an instance is the set of classes it may belong to: type(x)(...) instantiates the
# instance's own class, type(x).attr reads a class attribute, type(x).__name__ and
# x.__class__.__name__ give the class's name, and type(x) compares with `is` and `==`.
# expect: A(2) kind=a True True True
# expect: B(3) kind=b True False False
# expect: Base(4) kind=base True False False
class Base(object):
    kind = "base"
    def __init__(self, v): self.v = v
    def clone(self):
        return type(self)(self.v + 1)

class A(Base):
    kind = "a"

class B(Base):
    kind = "b"

def describe(x):
    return "%s(%d) kind=%s" % (x.__class__.__name__, x.v, type(x).kind)

def entry_point(argv):
    items = [A(1), B(2), Base(3)]
    for x in items:
        c = x.clone()
        print(describe(c), type(c) is type(x), type(c) == type(items[0]), type(x) is A)
    return 0

def target(driver, args):
    return entry_point, None
