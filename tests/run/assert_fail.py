# fatal: AssertionError
# expect: 10
# expect: 2
# expect: about to fail
def check_positive(n):
    assert n > 0
    return n * 2


def entry_point(argv):
    assert len(argv) >= 1
    assert 1 + 1 == 2, "arithmetic works"
    print(check_positive(5))
    print(check_positive(1))
    print("about to fail")
    print(check_positive(len(argv) - 1))
    print("not reached")
    return 0


def target(driver, args):
    return entry_point, None
