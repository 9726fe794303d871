# rlib.jit: every hint is importable and harmless; decorators return the function itself; a
# JitDriver loop with merge points; JitPolicy as the target's policy.
# expect: 16 27 10 15 6 2 0 20
# expect: 7 1001 25
# expect: False False False
# expect: 42 abc u 5
# expect: frame 102
# expect: counters 0 True True
# expect: True 5
from rpython.rlib import jit
from rpython.rlib.jit import (JitDriver, promote, promote_string, promote_unicode, elidable,
                              elidable_promote, purefunction, purefunction_promote, unroll_safe,
                              dont_look_inside, look_inside, look_inside_iff, we_are_jitted, hint,
                              set_param, set_user_param, assert_green, jit_debug, isconstant,
                              isvirtual, loop_invariant, record_exact_class, record_known_result,
                              not_in_trace, oopspec, enter_portal_frame, leave_portal_frame,
                              conditional_call, conditional_call_elidable, virtual_ref,
                              virtual_ref_finish, vref_None, Counters, PARAMETERS,
                              JitHookInterface)
from rpython.jit.codewriter.policy import JitPolicy

driver = JitDriver(greens=["pc", "code"], reds=["acc", "i"])
THRESHOLD = PARAMETERS["threshold"]


class Frame:
    def __init__(self, n):
        self.n = n


@elidable
def square(x):
    return x * x


@purefunction
def cube(x):
    return x * x * x


@elidable_promote()
def twice(x):
    return 2 * x


@purefunction_promote("0")
def thrice(x):
    return 3 * x


@unroll_safe
def total(lst):
    t = 0
    for x in lst:
        t += x
    return t


@dont_look_inside
def opaque(x):
    return x + 1


@look_inside
def visible(x):
    return x - 1


@look_inside_iff(lambda x: True)
def maybe(x):
    return x * 10


@loop_invariant
def invariant():
    return 7


@not_in_trace
def side_effect(frame):
    frame.n += 100


@oopspec("demo.op(x)")
def with_oopspec(x):
    return x + 1000


def bump(frame):
    frame.n += 1


def interpret(code):
    pc = 0
    acc = 0
    i = 0
    while pc < len(code):
        driver.jit_merge_point(pc=pc, code=code, acc=acc, i=i)
        c = code[pc]
        if c == "+":
            acc += 1
        elif c == "*":
            acc = square(acc)
        pc += 1
        i += 1
    return acc


def entry_point(argv):
    print(square(4), cube(3), twice(5), thrice(5), total([1, 2, 3]), opaque(1), visible(1), maybe(2))
    print(invariant(), with_oopspec(1), interpret("++*+*"))
    print(we_are_jitted(), isconstant(3), isvirtual(Frame(1)))
    print(promote(41) + 1, promote_string("abc"), promote_unicode("u"), hint(5, promote=True))
    f = Frame(1)
    record_exact_class(f, Frame)
    side_effect(f)
    conditional_call(f.n > 50, bump, f)
    conditional_call(f.n > 500, bump, f)
    print("frame", f.n)
    assert_green(3)
    jit_debug("checkpoint")
    set_param(driver, "threshold", 100)
    set_param(None, "trace_limit", 1000)
    set_user_param(driver, "inlining=1")
    enter_portal_frame(1)
    leave_portal_frame()
    print("counters", Counters.TRACING, Counters.ncounters > 10, THRESHOLD > 0)
    print(record_known_result(7, square, 3) is None, conditional_call_elidable(5, square, 3))
    return 0


def target(driver, args):
    return entry_point, JitPolicy()
