# str.format() with a constant format that does not match its arguments.


def entry_point(argv):
    print("{} and {}".format(1))
    print("{name}".format(other=2))
    print("{".format(3))
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0115]: bad format string: no argument for the field `{}`
#  --> tests/errors/bad_str_format.py:5:11
#   |
# 5 |     print("{} and {}".format(1))
#   |           ^^^^^^^^^^^^^^^^^^^^^ in this `format()`
#
# error[E0115]: bad format string: no argument for the field `{name}`
#  --> tests/errors/bad_str_format.py:6:11
#   |
# 6 |     print("{name}".format(other=2))
#   |           ^^^^^^^^^^^^^^^^^^^^^^^^ in this `format()`
#
# error[E0115]: bad format string: unmatched `{`
#  --> tests/errors/bad_str_format.py:7:11
#   |
# 7 |     print("{".format(3))
#   |           ^^^^^^^^^^^^^ in this `format()`
#
# error: translation failed with 3 errors
