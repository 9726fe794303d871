# expect: 1 1 120 2432902008176640000
# expect: 0 1 55 6765
# expect: 9 61
# expect: True False False True
# expect: 21 1 9
# expect: 1023
def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)


def gcd(a, b):
    if b == 0:
        return a
    return gcd(b, a % b)


def hanoi(n, src, dst, via):
    if n == 0:
        return 0
    moves = hanoi(n - 1, src, via, dst)
    moves += 1
    moves += hanoi(n - 1, via, dst, src)
    return moves


def entry_point(argv):
    print(fact(0), fact(1), fact(5), fact(20))
    print(fib(0), fib(1), fib(10), fib(20))
    print(ackermann(2, 3), ackermann(3, 3))
    print(is_even(10), is_odd(10), is_even(7), is_odd(7))
    print(gcd(1071, 462), gcd(17, 5), gcd(0, 9))
    print(hanoi(10, 1, 3, 2))
    return 0


def target(driver, args):
    return entry_point, None
