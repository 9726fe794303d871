# A variable holding bound methods of different names: not supported (one name per variable).


class Acc(object):
    def __init__(self):
        self.total = 0

    def add(self, n):
        self.total += n
        return self.total

    def sub(self, n):
        self.total -= n
        return self.total


def entry_point(argv):
    a = Acc()
    if len(argv) > 1:
        f = a.add
    else:
        f = a.sub
    return f(1)


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0200]: `f` cannot be both `method `add` of a `Acc` instance` and `method `sub` of a `Acc` instance`
#   --> tests/errors/bound_method_names.py:22:13
#    |
# 20 |         f = a.add
#    |             ----- this is `method `add` of a `Acc` instance`
# 21 |     else:
# 22 |         f = a.sub
#    |             ^^^^^ this is `method `sub` of a `Acc` instance`
#    |
#    = note: RPython gives every variable a single type; convert explicitly or use separate variables
#
# error: translation failed with 1 error
