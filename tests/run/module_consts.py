# expect: 10 -123456789012 consts 0
# expect: 3 -4 25
# expect: 1 one 2.5
# expect: sum of squares 285
# expect: 81 10 10
# expect: two-zero-two-four seven nine-zero-two-one-zero
# expect: 25.0
# expect: 4611686018427387904 9223372036854775807
# expect: 7
LIMIT = 10
NEGATIVE = -123456789012
NAME = "consts"
EMPTY = ""
POINT = (3, -4)
MIXED = (1, "one", 2.5)
SQUARES = [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]
DIGIT_NAMES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TAX_RATE = 0.25
BIG = 1 << 62


def digit_word(n):
    return DIGIT_NAMES[n % 10]


def spell(n):
    if n < 10:
        return digit_word(n)
    return spell(n // 10) + "-" + digit_word(n)


def entry_point(argv):
    print(LIMIT, NEGATIVE, NAME, len(EMPTY))
    print(POINT[0], POINT[1], POINT[0] * POINT[0] + POINT[1] * POINT[1])
    print(MIXED[0], MIXED[1], MIXED[2])
    total = 0
    for i in range(LIMIT):
        total += SQUARES[i]
    print("sum of squares", total)
    print(SQUARES[-1], len(SQUARES), len(DIGIT_NAMES))
    print(spell(2024), spell(7), spell(90210))
    print(100.0 * TAX_RATE)
    print(BIG, BIG - 1 + BIG)
    x, y = POINT
    print(x - y)
    return 0


def target(driver, args):
    return entry_point, None
