# A finalizer queue of GCREFs (`Class = None`) takes GCREFs that are not null: not instances,
# and not a GCREF that may be None.
from rpython.rlib import rgc


class A:
    pass


class Refs(rgc.FinalizerQueue):
    Class = None

    def finalizer_trigger(self):
        pass


refs = Refs()


def pick(n):
    if n > 1:
        return A()
    return None


def entry_point(argv):
    refs.register_finalizer(A())
    refs.register_finalizer(rgc.cast_instance_to_gcref(pick(len(argv))))
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0210]: `register_finalizer()` takes a GCREF that is not null (the queue's `Class` is None), not `A instance`
#   --> tests/errors/rlib_finalizer_gcref_misuse.py:27:5
#    |
# 27 |     refs.register_finalizer(A())
#    |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in this call
#
# error[E0210]: `register_finalizer()` takes a GCREF that is not null (the queue's `Class` is None), not `GCREF or None`
#   --> tests/errors/rlib_finalizer_gcref_misuse.py:28:5
#    |
# 28 |     refs.register_finalizer(rgc.cast_instance_to_gcref(pick(len(argv))))
#    |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in this call
#
# error: translation failed with 2 errors
