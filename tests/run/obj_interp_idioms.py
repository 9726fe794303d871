# Interpreter idioms: __slots__, _immutable_fields_, _virtualizable_, a frame stack of None and
# instances, jit hints, a classmethod called on its class, sys.maxsize, exceptions with messages.
# expect: 7 True True
# expect: too big: 121
import sys
from rpython.rlib import jit
from rpython.rlib.objectmodel import we_are_translated


class W_Root(object):
    __slots__ = ()

    def str_w(self):
        raise NotImplementedError

    @classmethod
    def make(cls, x):
        return W_Int(x)


class W_Int(W_Root):
    __slots__ = ("value",)
    _immutable_fields_ = ["value"]

    def __init__(self, value):
        self.value = value

    def str_w(self):
        return str(self.value)


class Frame(object):
    _virtualizable_ = ["stack[*]", "sp"]

    def __init__(self, size):
        self.stack = [None] * size
        self.sp = 0

    @jit.unroll_safe
    def push(self, w):
        self.stack[self.sp] = w
        self.sp += 1

    def pop(self):
        self.sp -= 1
        w = self.stack[self.sp]
        self.stack[self.sp] = None
        return w


class OperationError(Exception):
    def __init__(self, msg):
        self.msg = msg


def run(n):
    f = Frame(10)
    f.push(W_Root.make(n))
    f.push(W_Int(jit.promote(n + 1)))
    w = f.pop()
    assert isinstance(w, W_Int)
    total = w.value + f.pop().value
    if total > 100:
        raise OperationError("too big: %d" % total)
    return total


def entry_point(argv):
    print(run(3), sys.maxsize > 0, we_are_translated() or True)
    try:
        run(60)
    except OperationError as e:
        print(e.msg)
    return 0


def target(driver, args):
    return entry_point, None
