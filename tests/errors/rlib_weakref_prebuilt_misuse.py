# A weak reference made at import time to something that is not an instance of a class.
import weakref


def helper():
    return 1


HELPER_REF = weakref.ref(helper)


def entry_point(argv):
    f = HELPER_REF()
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0107]: a weakref made at import time refers to `function helper`, not to an instance of a class
#   --> tests/errors/rlib_weakref_prebuilt_misuse.py:13:9
#    |
# 13 |     f = HELPER_REF()
#    |         ^^^^^^^^^^^^ the prebuilt weakref used here
#
# error: translation failed with 1 error
