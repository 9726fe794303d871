# expect: 8 14 6 -13 -1 0
# expect: 1 1024 4611686018427387904 48
# expect: 128 0 15
# expect: -1 -3 -4 -5 -1
# expect: -20 -1024
# expect: 2 -5 5 1
# expect: 15 63 559038736
# expect: 0 8 8 1
# expect: 0 101 1111101000
# expect: 65535 22136 4660
# expect: 61680
# expect: 3 3
# expect: 10 8
def popcount(n):
    count = 0
    while n:
        count += n & 1
        n = n >> 1
    return count


def to_binary(n):
    if n == 0:
        return "0"
    digits = ""
    while n > 0:
        digits = str(n & 1) + digits
        n >>= 1
    return digits


def entry_point(argv):
    a = 0b1100
    b = 0b1010
    print(a & b, a | b, a ^ b, ~a, ~0, ~-1)
    print(1 << 0, 1 << 10, 1 << 62, 3 << 4)
    print(1024 >> 3, 1023 >> 10, 255 >> 4)
    print(-1 >> 1, -5 >> 1, -16 >> 2, -17 >> 2, -1 >> 63)
    print(-5 << 2, -1 << 10)
    print(-6 & 7, -6 | 1, -6 ^ -1, 12345 & -12345)
    print(0xff & 0x0f, 0o17 | 0x30, 0xdeadbeef ^ 0xffffffff)
    print(popcount(0), popcount(255), popcount(0x5555), popcount(1 << 40))
    print(to_binary(0), to_binary(5), to_binary(1000))
    mask = (1 << 16) - 1
    print(mask, 0x12345678 & mask, (0x12345678 >> 16) & mask)
    x = 0x0f0f
    x = (x << 4) | (x >> 12)
    print(x)
    print(1 | 2 ^ 3 & 4, (1 | 2) ^ (3 & 4))
    print(2 + 3 << 1, 2 + (3 << 1))
    return 0


def target(driver, args):
    return entry_point, None
