# Finalizer queues used wrongly: a queue class without `Class`, one without `finalizer_trigger`,
# an object of the wrong class registered, and a queue that is not a prebuilt instance.
from rpython.rlib import rgc


class A:
    pass


class B:
    pass


class NoClass(rgc.FinalizerQueue):
    def finalizer_trigger(self):
        pass


class NoTrigger(rgc.FinalizerQueue):
    Class = A


class Good(rgc.FinalizerQueue):
    Class = A

    def finalizer_trigger(self):
        pass


no_class = NoClass()
no_trigger = NoTrigger()
good = Good()


def entry_point(argv):
    no_class.register_finalizer(A())
    no_trigger.register_finalizer(A())
    good.register_finalizer(B())
    local = Good()
    local.register_finalizer(A())
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0210]: the finalizer queue class `NoClass` has no `Class` attribute naming a class (or None, for a queue of GCREFs)
#   --> tests/errors/rlib_finalizer_misuse.py:36:5
#    |
# 36 |     no_class.register_finalizer(A())
#    |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ this queue is used here
#
# error[E0210]: the finalizer queue class `NoTrigger` does not define `finalizer_trigger(self)`
#   --> tests/errors/rlib_finalizer_misuse.py:37:5
#    |
# 37 |     no_trigger.register_finalizer(A())
#    |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ this queue is used here
#
# error[E0210]: `register_finalizer()` takes a `A` instance that is not None (the queue's `Class`), not `B instance`
#   --> tests/errors/rlib_finalizer_misuse.py:38:5
#    |
# 38 |     good.register_finalizer(B())
#    |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in this call
#
# error[E0210]: a finalizer queue must be a prebuilt instance (a global)
#   --> tests/errors/rlib_finalizer_misuse.py:40:5
#    |
# 40 |     local.register_finalizer(A())
#    |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ the queue of this call is not a constant
#
# error: translation failed with 4 errors
