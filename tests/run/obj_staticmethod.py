# @staticmethod called through the class, an instance and self; methods calling methods on self.
# expect: 12 12 5 1
# expect: 3/4 -1/2 3/1 True False
# expect: 1/1 3/2 11/6 25/12 137/60 49/20
# expect: sum 1/2 product 1/2
# expect: diff 1/2 zero 0/1 True
# expect: less True False
# expect: 2/1 7/1


class MathUtil:
    @staticmethod
    def absval(n):
        if n < 0:
            return -n
        return n

    @staticmethod
    def gcd(a, b):
        while b != 0:
            a, b = b, a - (a // b) * b
        return a

    @staticmethod
    def lcm(a, b):
        return a // MathUtil.gcd(a, b) * b


class Fraction:
    def __init__(self, num, den):
        if den < 0:
            num = -num
            den = -den
        g = MathUtil.gcd(MathUtil.absval(num), den)
        self.num = num // g
        self.den = den // g

    @staticmethod
    def make_int(n):
        return Fraction(n, 1)

    def neg(self):
        return Fraction(-self.num, self.den)

    def add(self, other):
        return Fraction(self.num * other.den + other.num * self.den, self.den * other.den)

    def sub(self, other):
        return self.add(other.neg())

    def mul(self, other):
        return Fraction(self.num * other.num, self.den * other.den)

    def less(self, other):
        return self.sub(other).num < 0

    def is_whole(self):
        return self.den == 1

    def plus_int(self, n):
        return self.add(self.make_int(n))

    def show(self):
        return str(self.num) + "/" + str(self.den)


def entry_point(argv):
    u = MathUtil()
    print(MathUtil.gcd(84, 36), MathUtil.lcm(4, 6), MathUtil.absval(-5), u.gcd(17, 5))
    a = Fraction(6, 8)
    b = Fraction(3, -6)
    c = Fraction.make_int(3)
    print(a.show(), b.show(), c.show(), c.is_whole(), a.is_whole())
    h = Fraction.make_int(0)
    steps = []
    for k in range(1, 7):
        h = h.add(Fraction(1, k))
        steps.append(h.show())
    print(steps[0], steps[1], steps[2], steps[3], steps[4], steps[5])
    s = Fraction(1, 3).add(Fraction(1, 6))
    p = a.mul(Fraction(2, 3))
    print("sum", s.show(), "product", p.show())
    d = a.sub(Fraction(1, 4))
    z = d.sub(s)
    print("diff", d.show(), "zero", z.show(), z.is_whole())
    print("less", b.less(a), a.less(b))
    print(a.make_int(2).show(), Fraction(1, 2).plus_int(7).sub(Fraction(1, 2)).show())
    return 0


def target(driver, args):
    return entry_point, None
