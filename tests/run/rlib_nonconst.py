# nonconst.NonConstant: returns its argument, for ints, strings, lists and instances.
# expect: 43 text! 3 7 False
from rpython.rlib.nonconst import NonConstant


class Box:
    def __init__(self, v):
        self.v = v


def entry_point(argv):
    n = NonConstant(42)
    s = NonConstant("text")
    flag = NonConstant(False)
    lst = NonConstant([1, 2, 3])
    b = NonConstant(Box(7))
    if flag:
        print("never")
    print(n + 1, s + "!", len(lst), b.v, flag)
    return 0


def target(driver, args):
    return entry_point, None
