# Unpacking into the wrong number of targets: a tuple built in place, a tuple returned by a
# function, and a value that is not a sequence.


def pair():
    return 1, 2


def built_in_place():
    a, b = 1, 2, 3
    return a + b


def returned():
    c, d, e = pair()
    return c


def not_a_sequence(argv):
    f, g = len(argv)
    return f


def entry_point(argv):
    print(built_in_place(), returned(), not_a_sequence(argv))
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0109]: cannot unpack 3 values into 2 targets
#   --> tests/errors/unpack_mismatch.py:10:5
#    |
# 10 |     a, b = 1, 2, 3
#    |     ^^^^   ------- 3 values
#    |     |
#    |     2 targets
#
# error[E0212]: cannot unpack a value of type `int`
#   --> tests/errors/unpack_mismatch.py:20:5
#    |
# 20 |     f, g = len(argv)
#    |     ^^^^   --------- this is `int`
#    |     |
#    |     in this assignment
#
# error[E0212]: cannot unpack a tuple of 2 items into 3 targets
#   --> tests/errors/unpack_mismatch.py:15:5
#    |
# 15 |     c, d, e = pair()
#    |     ^^^^^^^   ------ this is `tuple[int, int]`
#    |     |
#    |     3 targets
#
# error: translation failed with 3 errors
