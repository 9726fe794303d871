# expect: ababab ababab
# expect: 6 6 2
# expect: xx
# A sequence repeated by an int, on either side of `*`.
def entry_point(argv):
    print("ab" * 3, 3 * "ab")
    n = len(argv) + 1
    print(len([0, 1] * 3), len(3 * [0, 1]), len(n * ["a"]))
    print(2 * "x")
    return 0


def target(driver, args):
    return entry_point, None
