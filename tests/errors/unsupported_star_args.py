# `*args` parameters and calls with `*args` are not supported yet.


def total(*numbers):
    return len(numbers)


def show(items):
    print(*items)


def entry_point(argv):
    show(argv)
    print(total(1, 2))
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0100]: not RPython (yet): calls with `*args` or `**kwargs`
#  --> tests/errors/unsupported_star_args.py:9:5
#   |
# 9 |     print(*items)
#   |     ^^^^^^^^^^^^^ not supported by the translator
#
# error[E0100]: not RPython (yet): `*args` parameters
#  --> tests/errors/unsupported_star_args.py:4:12
#   |
# 4 | def total(*numbers):
#   |            ^^^^^^^ not supported by the translator
#
# error: translation failed with 2 errors
