# expect: 2 1
# expect: 10 20 30
# expect: 20 10
# expect: 7 8
# expect: 8
# expect: -2
# expect: 8
# expect: 2
# expect: 2
# expect: 8
# expect: 128
# expect: 32
# expect: 32
# expect: 289
# expect: 478
# expect: abcdabcd
# expect: 1.375
# expect: 6 3
def swap(a, b):
    return b, a


def entry_point(argv):
    a = 1
    b = 2
    a, b = b, a
    print(a, b)
    x, y, z = 10, 20, 30
    print(x, y, z)
    x, y = swap(x, y)
    print(x, y)
    t = (7, 8)
    p, q = t
    print(p, q)
    n = 5
    n += 3
    print(n)
    n -= 10
    print(n)
    n *= -4
    print(n)
    n //= 3
    print(n)
    n %= 5
    print(n)
    n **= 3
    print(n)
    n <<= 4
    print(n)
    n >>= 2
    print(n)
    n &= 0x3c
    print(n)
    n |= 0x101
    print(n)
    n ^= 0xff
    print(n)
    s = "ab"
    s += "cd"
    s += s
    print(s)
    f = 1.5
    f *= 2.0
    f -= 0.25
    f /= 2.0
    print(f)
    i, j = 3, 3
    i += j
    print(i, j)
    return 0


def target(driver, args):
    return entry_point, None
