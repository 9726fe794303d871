# expect: 49 -7
# expect: 81 3
# expect: 40 400
# expect: 15 120
# expect: 42
# expect: 4
import runhelper_mod


def square(x):
    return x * x


def negate(x):
    return -x


def add(a, b):
    return a + b


def mul(a, b):
    return a * b


def apply(f, x):
    return f(x)


def twice(f, x):
    return f(f(x))


def fold(op, items, start):
    acc = start
    for item in items:
        acc = op(acc, item)
    return acc


def count_matching(pred, n):
    count = 0
    for i in range(n):
        if pred(i):
            count += 1
    return count


def is_multiple_of_3(n):
    return n % 3 == 0


def entry_point(argv):
    print(apply(square, 7), apply(negate, 7))
    print(twice(square, 3), twice(negate, 3))
    print(apply(runhelper_mod.scaled, 4), twice(runhelper_mod.scaled, 4))
    items = [1, 2, 3, 4, 5]
    print(fold(add, items, 0), fold(mul, items, 1))
    print(fold(add, [], 42))
    print(count_matching(is_multiple_of_3, 10))
    return 0


def target(driver, args):
    return entry_point, None
