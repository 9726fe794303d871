# expect: 12 5 14
# expect: x=3
# expect: y=4cm
# expect: [z=5]
# expect: [w=6kg]
# expect: v=7
# expect: 0 5 10
# expect: 7 12
# expect: 19 84
# expect: 1 9 112 119
def area(width, height=1):
    return width * height


def describe(name, value, unit="", verbose=False):
    text = name + "=" + str(value) + unit
    if verbose:
        text = "[" + text + "]"
    return text


def clamp(lo, x, hi):
    return max(lo, min(x, hi))


def step(state, delta):
    return state + delta, state * delta


def collatz_len(n, acc=1):
    if n == 1:
        return acc
    if n % 2 == 0:
        return collatz_len(n // 2, acc + 1)
    return collatz_len(3 * n + 1, acc + 1)


def entry_point(argv):
    print(area(3, 4), area(5), area(height=2, width=7))
    print(describe("x", 3))
    print(describe("y", 4, "cm"))
    print(describe("z", 5, verbose=True))
    print(describe("w", 6, unit="kg", verbose=True))
    print(describe(value=7, name="v"))
    print(clamp(0, -5, 10), clamp(0, 5, 10), clamp(0, 15, 10))
    s, p = step(3, 4)
    print(s, p)
    s, p = step(s, p)
    print(s, p)
    print(collatz_len(1), collatz_len(6), collatz_len(27), collatz_len(97))
    return 0


def target(driver, args):
    return entry_point, None
