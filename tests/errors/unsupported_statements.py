# Other statements outside the subset (`del` of an attribute, `match`): all are reported at
# once.


def entry_point(argv):
    items = [1, 2, 3]
    del items.size
    match len(argv):
        case 1:
            print("one")
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0100]: not RPython (yet): deleting an attribute
#  --> tests/errors/unsupported_statements.py:7:9
#   |
# 7 |     del items.size
#   |         ^^^^^^^^^^ not supported by the translator
#
# error[E0100]: not RPython (yet): `match` statements
#  --> tests/errors/unsupported_statements.py:8:5
#   |
# 8 |     match len(argv):
#   |     ^^^^^^^^^^^^^^^^ not supported by the translator
#
# error: translation failed with 2 errors
