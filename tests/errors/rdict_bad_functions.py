# r_dict with key functions of the wrong shape: an equality taking one argument, a hash returning
# a string, and something that is not a function.
from rpython.rlib.objectmodel import r_dict


def eq_one(a):
    return True


def good_eq(a, b):
    return a == b


def hash_str(a):
    return "h"


def good_hash(a):
    return a


def entry_point(argv):
    d = r_dict(eq_one, good_hash)
    d[1] = 2
    e = r_dict(good_eq, hash_str)
    e[1] = 2
    f = r_dict(good_eq, 5)
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0210]: `r_dict()` takes two functions: the key equality and the key hash
#   --> tests/errors/rdict_bad_functions.py:27:9
#    |
# 27 |     f = r_dict(good_eq, 5)
#    |         ^^^^^^^^^^^^^^^^^^ in this call
#
# error[E0211]: the key equality function `eq_one` of this r_dict takes 1 argument, not 2
#   --> tests/errors/rdict_bad_functions.py:23:9
#    |
#  6 | def eq_one(a):
#    | -------------- defined here
# ...
# 23 |     d = r_dict(eq_one, good_hash)
#    |         ^^^^^^^^^^^^^^^^^^^^^^^^^ the r_dict is made here
#
# error[E0211]: the key hash function of this r_dict returns `str`, not an int
#   --> tests/errors/rdict_bad_functions.py:25:9
#    |
# 25 |     e = r_dict(good_eq, hash_str)
#    |         ^^^^^^^^^^^^^^^^^^^^^^^^^ the r_dict is made here
#
# error: translation failed with 3 errors
