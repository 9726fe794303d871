# OverflowError (ovfcheck), AssertionError, RuntimeError, NotImplementedError, StopIteration, etc.
# expect: mul 12 -1 -9223372036854775808 -1
# expect: add 9223372036854775807 -1 -9223372036854775807
# expect: assert 5 caught
# expect: runtime caught
# expect: abstract 6 not implemented as runtime
# expect: iter 3 4 5 stop total 12
# expect: type error caught, value error next
# expect: os 2 5
# expect: key caught
# expect: generic 7
from rpython.rlib.rarithmetic import ovfcheck


def mul_checked(a, b):
    try:
        return ovfcheck(a * b)
    except OverflowError:
        return -1


def add_checked(a, b):
    try:
        return ovfcheck(a + b)
    except OverflowError:
        return -1


def check_positive(n):
    assert n > 0, "must be positive"
    return n


class Shape:
    def area(self):
        raise NotImplementedError


class Sq(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s * self.s


class Countdown:
    def __init__(self, lo, hi):
        self.cur = lo
        self.hi = hi

    def next(self):
        if self.cur > self.hi:
            raise StopIteration
        v = self.cur
        self.cur += 1
        return v


def checked_kind(tag):
    if tag == 0:
        raise TypeError("unsupported type")
    if tag == 1:
        raise ValueError("bad value")
    return tag


def open_file(name):
    if name == "missing":
        raise OSError(2, "No such file")
    raise OSError(5, "I/O error")


def raise_nth(n):
    if n == 0:
        raise AssertionError
    if n == 1:
        raise StopIteration
    if n == 2:
        raise OSError(1, "denied")
    if n == 3:
        raise NotImplementedError
    if n == 4:
        raise OverflowError
    if n == 5:
        raise TypeError
    raise KeyError("x")


def entry_point(argv):
    big = 4611686018427387904
    print("mul", mul_checked(3, 4), mul_checked(big, 2), mul_checked(-big, 2),
          mul_checked(-big, -2))
    m = 9223372036854775807
    print("add", add_checked(m - 1, 1), add_checked(m, 1), add_checked(-m, 0))
    out = "assert " + str(check_positive(5))
    try:
        check_positive(-1)
        out += " not reached"
    except AssertionError:
        out += " caught"
    print(out)
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        print("runtime caught")
    shapes = [Sq(2), Shape()]
    try:
        a = shapes[0].area() + 2
        print("abstract", a, end=" ")
        shapes[1].area()
    except RuntimeError:
        print("not implemented as runtime")
    it = Countdown(3, 5)
    s = "iter"
    total = 0
    while True:
        try:
            v = it.next()
        except StopIteration:
            s += " stop"
            break
        s += " " + str(v)
        total += v
    print(s, "total", total)
    try:
        checked_kind(0)
    except TypeError:
        try:
            checked_kind(1)
        except TypeError:
            print("wrong")
        except ValueError:
            print("type error caught, value error next")
    codes = []
    for name in ["missing", "broken"]:
        try:
            open_file(name)
        except OSError as e:
            codes.append(e.errno)
    print("os", codes[0], codes[1])
    try:
        raise KeyError("name")
    except KeyError:
        print("key caught")
    n = 0
    for i in range(7):
        try:
            raise_nth(i)
        except Exception:
            n += 1
    print("generic", n)
    return 0


def target(driver, args):
    return entry_point, None
