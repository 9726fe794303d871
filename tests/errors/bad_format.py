# String formatting with a constant format: a bad conversion character, a count of values
# that does not match the format, a bad format spec, a spec computed at run time.


def entry_point(argv):
    n = len(argv)
    print("%q" % n)
    print("%d and %d" % (n,))
    print("%s" % (n, n))
    print(f"{n:q}")
    print(f"{n:{n}}")
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0115]: bad format string: unsupported format character `q`
#  --> tests/errors/bad_format.py:7:11
#   |
# 7 |     print("%q" % n)
#   |           ^^^^^^^^ in this formatting
#
# error[E0115]: not enough arguments for format string
#  --> tests/errors/bad_format.py:8:11
#   |
# 8 |     print("%d and %d" % (n,))
#   |           ^^^^^^^^^^^^^^^^^^ 2 conversions, 1 values
#
# error[E0115]: not all arguments converted during string formatting
#  --> tests/errors/bad_format.py:9:11
#   |
# 9 |     print("%s" % (n, n))
#   |           ^^^^^^^^^^^^^ 1 conversions, 2 values
#
# error[E0115]: bad format spec: unknown format code `q`
#   --> tests/errors/bad_format.py:10:14
#    |
# 10 |     print(f"{n:q}")
#    |              ^ in this f-string field
#
# error[E0100]: not RPython (yet): f-string fields with a computed format spec
#   --> tests/errors/bad_format.py:11:11
#    |
# 11 |     print(f"{n:{n}}")
#    |           ^^^^^^^^^^ not supported by the translator
#
# error: translation failed with 5 errors
