# objectmodel: we_are_translated, specialize.argtype/memo, always_inline, dont_inline, enforceargs.
# expect: double 42 abcabc 3.0
# expect: show <7> <seven>
# expect: pair 7 7 seven seven
# expect: memo reds blues reds
# expect: weights 30 40 70
# expect: inline 49 343 392
# expect: repeat ababab 3
# expect: count 1
from rpython.rlib.objectmodel import we_are_translated, specialize, always_inline
from rpython.rlib.objectmodel import dont_inline, enforceargs


@specialize.argtype(0)
def double(x):
    return x + x


@specialize.argtype(0)
def show(x):
    return "<" + str(x) + ">"


@specialize.argtype(0, 1)
def first_of(a, b):
    return a


class Red:
    NAME = "red"


class Blue:
    NAME = "blue"


@specialize.memo()
def plural(cls):
    return cls.NAME + "s"


@specialize.memo()
def weight(cls):
    return len(cls.NAME) * 10


def pick_weight(flag):
    if flag:
        return weight(Red)
    return weight(Blue)


@always_inline
def sq(x):
    return x * x


@dont_inline
def cube(x):
    return x * x * x


@enforceargs(int, str)
def repeat(n, s):
    result = ""
    for i in range(n):
        result += s
    return result


def entry_point(argv):
    n = len(argv) + 20
    print("double", double(n), double("abc"), double(1.5))
    print("show", show(7), show("seven"))
    print("pair", first_of(7, "x"), first_of(7, 1), first_of("seven", 2), first_of("seven", "x"))
    print("memo", plural(Red), plural(Blue), plural(Red))
    print("weights", weight(Red), weight(Blue), pick_weight(n > 5) + pick_weight(n < 5))
    print("inline", sq(7), cube(7), sq(7) + cube(7))
    r = repeat(3, "ab")
    print("repeat", r, len(r) // 2)
    count = 0
    if not we_are_translated():
        count += 1
    else:
        count += 1
    print("count", count)
    return 0


def target(driver, args):
    return entry_point, None
