# rpython.rlib.rstackovf: an interpreter catches running out of stack with `except
# StackOverflow`, calls check_stack_overflow() and reports its own error; other RuntimeErrors
# are not caught by it; the program goes on and recurses again afterwards.
# expect: overflow caught: interp stack overflow
# expect: other error: not implemented
# expect: after 100 5050
# expect: caught again True

from rpython.rlib import rstackovf
from rpython.rlib.rstackovf import StackOverflow


class InterpError(Exception):
    def __init__(self, msg):
        self.msg = msg


def deep(n):
    if n == 0:
        return 0
    return n + deep(n - 1)


def run(n):
    try:
        return deep(n)
    except StackOverflow:
        rstackovf.check_stack_overflow()
        raise InterpError("interp stack overflow")


def other(flag):
    try:
        if flag:
            raise NotImplementedError("not implemented")
        return 0
    except StackOverflow:
        rstackovf.check_stack_overflow()
        return -1


def entry_point(argv):
    try:
        run(10 ** 8)
    except InterpError as e:
        print("overflow caught:", e.msg)
    try:
        other(len(argv) > 0)
    except NotImplementedError:
        print("other error: not implemented")
    print("after", 100, run(100))
    again = False
    try:
        run(10 ** 8)
    except InterpError:
        again = True
    print("caught again", again)
    return 0


def target(driver, args):
    return entry_point, None
