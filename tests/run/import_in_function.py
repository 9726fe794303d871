# `import` and `from ... import` inside functions (RPython interpreters use them to break
# import cycles): the loader imports the modules named when the program is loaded, and the
# names bound are constants, as module-level imports are.
# expect: sqrt 4 floor 2
# expect: intmask -1 dotted 3
# expect: unused ok


def roots(n):
    import math
    from math import floor as fl
    return int(math.sqrt(n)), int(fl(2.7))


def masks():
    from rpython.rlib.rarithmetic import intmask, r_uint
    import rpython.rlib.rarithmetic
    return intmask(r_uint(0) - r_uint(1)), rpython.rlib.rarithmetic.intmask(3)


def never_called():
    import json
    return json


def entry_point(argv):
    a, b = roots(16 + len(argv) - 1)
    print("sqrt", a, "floor", b)
    c, d = masks()
    print("intmask", c, "dotted", d)
    if len(argv) > 100:
        never_called()
    print("unused ok")
    return 0


def target(driver, args):
    return entry_point, None
