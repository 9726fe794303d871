# Destructors and finalizer triggers that are not light: a `__del__` that allocates, one that
# reads a field holding an object, one that calls a function that can raise, and a
# finalizer_trigger that allocates, and a function decorated with rgc.no_collect that allocates.
from rpython.rlib import rgc


class Log:
    def __init__(self):
        self.lines = []
        self.count = 0


log = Log()


class Allocating:
    def __del__(self):
        log.lines.append("gone")


class Reading:
    def __init__(self, other):
        self.other = other

    def __del__(self):
        if self.other is None:
            log.count += 1


def divide(a, b):
    return a // b


class Raising:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        log.count += divide(10, self.n)


class Queue(rgc.FinalizerQueue):
    Class = Log

    def finalizer_trigger(self):
        log.lines.append("triggered")


queue = Queue()


@rgc.no_collect
def pair(n):
    return [n, n]


def entry_point(argv):
    Allocating()
    Reading(Allocating())
    Reading(None)
    Raising(len(argv))
    queue.register_finalizer(Log())
    return len(pair(1))


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0310]: a `__del__` method must be light, but this reads a field holding an object, which may be dead already
#   --> tests/errors/rlib_finalizer_not_light.py:18:9
#    |
# 17 |     def __del__(self):
#    |     ------------------ the function
# 18 |         log.lines.append("gone")
#    |         ^^^^^^^^^ not allowed in a light function
#    |
#    = note: the collector calls `__del__` while it frees the instance: it may only read and write fields holding numbers, characters or flags, and call functions that do the same
#
# error[E0310]: a `__del__` method must be light, but this reads a field holding an object, which may be dead already
#   --> tests/errors/rlib_finalizer_not_light.py:26:12
#    |
# 25 |     def __del__(self):
#    |     ------------------ the function
# 26 |         if self.other is None:
#    |            ^^^^^^^^^^ not allowed in a light function
#    |
#    = note: the collector calls `__del__` while it frees the instance: it may only read and write fields holding numbers, characters or flags, and call functions that do the same
#
# error[E0310]: a `__del__` method must be light, but this can raise an exception
#   --> tests/errors/rlib_finalizer_not_light.py:31:12
#    |
# 31 |     return a // b
#    |            ^^^^^^ not allowed in a light function
# ...
# 38 |     def __del__(self):
#    |     ------------------ the function
#    |
#    = note: the collector calls `__del__` while it frees the instance: it may only read and write fields holding numbers, characters or flags, and call functions that do the same
#
# error[E0310]: a `finalizer_trigger` method must be light, but this allocates memory or calls something that does
#   --> tests/errors/rlib_finalizer_not_light.py:46:9
#    |
# 45 |     def finalizer_trigger(self):
#    |     ---------------------------- the function
# 46 |         log.lines.append("triggered")
#    |         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ not allowed in a light function
#    |
#    = note: `finalizer_trigger` runs inside an allocation: it should only set a flag that the program polls, and leave `next_dead()` to the program
#
# error[E0310]: a function decorated with `rgc.no_collect` must not collect, but this allocates memory or calls something that does
#   --> tests/errors/rlib_finalizer_not_light.py:54:12
#    |
# 53 | def pair(n):
#    | ------------ the function
# 54 |     return [n, n]
#    |            ^^^^^^ not allowed in a `no_collect` function
#    |
#    = note: a collection may happen at any allocation
#
# error: translation failed with 5 errors
