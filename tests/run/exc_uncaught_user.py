# An uncaught user exception, passing a finally and a non-matching handler, ends the program.
# fatal: BadState
# expect: start
# expect: checking 3
# expect: checking 2
# expect: cleanup


class AppError(Exception):
    pass


class BadState(AppError):
    def __init__(self, state):
        self.state = state


def check(n):
    print("checking", n)
    if n < 3:
        raise BadState(n)
    return n


def run(values):
    total = 0
    try:
        for v in values:
            total += check(v)
    finally:
        print("cleanup")
    return total


def entry_point(argv):
    print("start")
    try:
        run([3, 2, 1])
    except ValueError:
        print("not reached")
    print("not reached either")
    return 0


def target(driver, args):
    return entry_point, None
