# An import inside a function of a module that cannot be imported is reported at the statement
# when the function is translated.


def load():
    import no_such_module_for_this_test
    return no_such_module_for_this_test


def entry_point(argv):
    load()
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0100]: cannot import `no_such_module_for_this_test` here
#  --> tests/errors/import_in_function_missing.py:6:5
#   |
# 6 |     import no_such_module_for_this_test
#   |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ the module could not be imported when the program was loaded
#
# error: translation failed with 1 error
