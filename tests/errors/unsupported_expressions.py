# Expressions outside the subset: `:=`, `@`, starred targets, attribute
# assignment, `...`, complex numbers; all are reported at once.


def entry_point(argv):
    if (n := len(argv)) > 1:
        print(n)
    m = n @ 2
    first, *rest = argv
    argv.size = 3
    nothing = ...
    z = 2j
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0100]: not RPython (yet): assignment expressions (`:=`)
#  --> tests/errors/unsupported_expressions.py:6:9
#   |
# 6 |     if (n := len(argv)) > 1:
#   |         ^^^^^^^^^^^^^^ not supported by the translator
#
# error[E0100]: not RPython (yet): the `@` operator
#  --> tests/errors/unsupported_expressions.py:8:9
#   |
# 8 |     m = n @ 2
#   |         ^^^^^ not supported by the translator
#
# error[E0100]: not RPython (yet): starred assignment targets
#  --> tests/errors/unsupported_expressions.py:9:12
#   |
# 9 |     first, *rest = argv
#   |            ^^^^^ not supported by the translator
#
# error[E0100]: not RPython (yet): `...`
#   --> tests/errors/unsupported_expressions.py:11:15
#    |
# 11 |     nothing = ...
#    |               ^^^ not supported by the translator
#
# error[E0100]: not RPython (yet): complex numbers
#   --> tests/errors/unsupported_expressions.py:12:9
#    |
# 12 |     z = 2j
#    |         ^^ not supported by the translator
#
# error: translation failed with 5 errors
