# An attribute that the imported module does not have.
import errhelper_mod


def entry_point(argv):
    print(errhelper_mod.helper(1))
    print(errhelper_mod.nope())
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0108]: module `errhelper_mod` has no attribute `nope`
#  --> tests/errors/module_attribute.py:7:11
#   |
# 7 |     print(errhelper_mod.nope())
#   |           ^^^^^^^^^^^^^^^^^^ unknown attribute
#
# error: translation failed with 1 error
