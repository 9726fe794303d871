# expect: 123
# expect: 321
# expect: 456
# expect: 9
# expect: 5
# expect: 10
# expect: 20
# expect: -1
# expect: <a>
# expect: [b>
# expect: <c!
# expect: (d)
# expect: 55
# expect: 22
# expect: 25
def describe(a, b, c):
    return a * 100 + b * 10 + c


def with_defaults(x, y=5, z=-1):
    return x * y + z


def label(name, prefix="<", suffix=">"):
    return prefix + name + suffix


def count_down(n, step=1):
    total = 0
    while n > 0:
        total += n
        n -= step
    return total


def entry_point(argv):
    print(describe(1, 2, 3))
    print(describe(c=1, b=2, a=3))
    print(describe(4, c=6, b=5))
    print(with_defaults(2))
    print(with_defaults(2, 3))
    print(with_defaults(2, 3, 4))
    print(with_defaults(2, z=10))
    print(with_defaults(x=7, y=0))
    print(label("a"))
    print(label("b", "["))
    print(label("c", suffix="!"))
    print(label(suffix=")", name="d", prefix="("))
    print(count_down(10))
    print(count_down(10, 3))
    print(count_down(step=2, n=9))
    return 0


def target(driver, args):
    return entry_point, None
