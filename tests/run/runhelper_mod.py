"""Helper module imported by some run tests (not a test itself)."""

SCALE = 10
GREETING = "hello"
PRIMES = [2, 3, 5, 7, 11, 13]
PAIR = (4, "four")


def scaled(x):
    return x * SCALE


def clamp(x, low=0, high=100):
    if x < low:
        return low
    if x > high:
        return high
    return x


def greet(name):
    return GREETING + ", " + name


def sum_primes(count):
    total = 0
    i = 0
    while i < count and i < len(PRIMES):
        total += PRIMES[i]
        i += 1
    return total


def collatz_steps(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps
