# expect: 4 4 0
# expect: 1 2
# expect: yes no
# expect: 1 apple 2 apples 0 pears
# expect: 95 A
# expect: 85 B
# expect: 75 C
# expect: 10 F
# expect: side 1
# expect: 1
# expect: side 4
# expect: 4
# expect: 1.5
# expect: 11
def abs_value(n):
    return n if n >= 0 else -n


def pick(flag, a, b):
    return a if flag else b


def pick_str(flag, a, b):
    return a if flag else b


def plural(n, word):
    return str(n) + " " + word + ("" if n == 1 else "s")


def grade(score):
    return "A" if score >= 90 else "B" if score >= 80 else "C" if score >= 70 else "F"


def side(n):
    print("side", n)
    return n


def entry_point(argv):
    print(abs_value(-4), abs_value(4), abs_value(0))
    print(pick(True, 1, 2), pick(False, 1, 2))
    print(pick_str(True, "yes", "no"), pick_str(False, "yes", "no"))
    print(plural(1, "apple"), plural(2, "apple"), plural(0, "pear"))
    for s in [95, 85, 75, 10]:
        print(s, grade(s))
    x = side(1) if len(argv) > 0 else side(2)
    print(x)
    y = side(3) if len(argv) > 100 else side(4)
    print(y)
    f = 1.5 if x > 0 else -1.5
    print(f)
    print((10 if x else 20) + 1)
    return 0


def target(driver, args):
    return entry_point, None
