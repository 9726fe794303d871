# rlib.debug: debug_start/debug_stop sections, have_debug_prints (true outside sections, false in
# a section PYPYLOG does not enable), debug_print to stderr, debug_flush, debug_offset, checks.
# expect: top level prints True
# expect: work 10 section prints False
# expect: after section True
# expect: offset -1
# expect: checks 3
from rpython.rlib.debug import (debug_start, debug_stop, debug_print, have_debug_prints,
                                debug_flush, debug_offset, ll_assert, check_nonneg,
                                make_sure_not_resized, fatalerror, fatalerror_notb)


def work(n):
    debug_start("demo-work")
    inside = have_debug_prints()
    total = 0
    for i in range(n):
        total += i
        debug_print("step", i, total)
    debug_stop("demo-work")
    return total, inside


def entry_point(argv):
    print("top level prints", have_debug_prints())
    debug_print("to stderr at top level", 1, 2.5, "x")
    total, inside = work(5)
    print("work", total, "section prints", inside)
    print("after section", have_debug_prints())
    debug_flush()
    print("offset", debug_offset())
    lst = make_sure_not_resized([1, 2, 3])
    ll_assert(len(lst) == 3, "three items")
    print("checks", check_nonneg(len(lst)))
    if len(argv) > 5:
        fatalerror("too many arguments")
    if len(argv) > 6:
        fatalerror_notb("far too many arguments")
    return 0


def target(driver, args):
    return entry_point, None
