# expect: True False True False True True False
# expect: True False True True True
# expect: True True True
# expect: True True False True
# expect: True False True
# expect: False True True False
# expect: False True False
# expect: eval a
# expect: eval b
# expect: False
# expect: eval c
# expect: False
# expect: eval e
# expect: True
# expect: eval g
# expect: eval h
# expect: True
# expect: eval i
# expect: eval j
# expect: False
# expect: eval l
# expect: eval m
# expect: eval n
# expect: True
# expect: 5 3 0 5
# expect: True
# expect: False
# expect: True True
def noisy(name, value):
    print("eval", name)
    return value


# RPython unifies bool and int arguments into int, so ints get their own function.
def noisy_int(name, value):
    print("eval", name)
    return value


def entry_point(argv):
    print(1 < 2, 2 < 1, 2 <= 2, 3 >= 4, 5 > 4, 5 == 5, 5 != 5)
    print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 <= 1 < 2 <= 2, 1 == 1 != 2)
    print(-1 < 0, -5 < -3, 0 == -0)
    print(2.5 < 3.0, 1.0 == 1.0, 0.1 + 0.2 == 0.3, -0.0 == 0.0)
    x = 5
    print(0 < x < 10, 10 < x < 20, x > 3 and x < 7)
    print(not True, not False, not 0, not 7)
    print(True and False, True or False, False or False)
    print(noisy("a", True) and noisy("b", False))
    print(noisy("c", False) and noisy("d", True))
    print(noisy("e", True) or noisy("f", True))
    print(noisy("g", False) or noisy("h", True))
    print(noisy_int("i", 1) < noisy_int("j", 0) < noisy_int("k", 5))
    print(noisy_int("l", 1) < noisy_int("m", 2) < noisy_int("n", 5))
    print(0 or 5, 3 or 5, 0 and 5, 3 and 5)
    y = 0
    print(y == 0 or 10 // y > 1)
    print(y != 0 and 10 // y > 1)
    print(True == True, True != False)
    return 0


def target(driver, args):
    return entry_point, None
