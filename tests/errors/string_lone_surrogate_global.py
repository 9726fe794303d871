# A module-level string with a lone surrogate cannot be recorded in the snapshot: it is reported
# where the program uses it.

S = "a" + chr(0xD800)


def entry_point(argv):
    print(len(S))
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0210]: `str with a lone surrogate (unsupported) object` has no `len()`
#  --> tests/errors/string_lone_surrogate_global.py:8:11
#   |
# 8 |     print(len(S))
#   |           ^^^^^^ in this call
#
# error: translation failed with 1 error
