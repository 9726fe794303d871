# expect: 0 15 27
# expect: 0 1 3 4 1000 2147483648
# expect: 24 136318165 6
# expect: -7 0 0 -2 -2 1 -1
# expect: 4611686018427387904 4611686018427387904 -5
# expect: 52
def digit_sum(n):
    if n < 0:
        n = -n
    s = 0
    while n > 0:
        s += n % 10
        n //= 10
    return s


def isqrt(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x


def power_mod(base, exp, mod):
    result = 1
    base = base % mod
    while exp > 0:
        if exp & 1:
            result = result * base % mod
        exp >>= 1
        base = base * base % mod
    return result


def entry_point(argv):
    print(digit_sum(0), digit_sum(12345), digit_sum(-999))
    print(isqrt(0), isqrt(1), isqrt(15), isqrt(16), isqrt(1000000), isqrt(2 ** 62))
    print(power_mod(2, 10, 1000), power_mod(3, 200, 1000000007), power_mod(-2, 3, 7))
    print(-7 // 1, -7 % 1, 7 % 7, -14 // 7, -13 // 7, -13 % 7, 13 % -7)
    print(abs(-2 ** 62), max(-2 ** 62, 2 ** 62), min(5, -5, 0))
    x = 17
    x = x * 3 + 1 if x % 2 else x // 2
    print(x)
    return 0


def target(driver, args):
    return entry_point, None
