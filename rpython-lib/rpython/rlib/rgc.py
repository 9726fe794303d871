"""The interface to the garbage collector, as RPython's ``rpython.rlib.rgc``.

Untranslated, everything has its plain-Python meaning on CPython; the translator gives each
name its translated meaning.

* ``collect(gen=-1)``: a full collection (translated: generation 0 asks for a minor
  collection only). It is CPython's ``gc.collect``, as in RPython.
* ``disable()`` / ``enable()`` / ``isenabled()``: CPython's ``gc`` functions. Translated, while
  disabled the generational collector starts no major collection because the old generation
  grew; minor collections go on (the nursery must be emptied to be reused), and ``collect()``
  and the heap limit still collect fully, as PyPy's incminimark does. The semispace collector
  has no collection it could skip: there it only changes what ``isenabled()`` answers.
* ``can_move(obj)``: whether the object may still move. Untranslated always True (as in
  RPython); translated True for young objects of the generational collector and for every heap
  object of the semispace collector, False for old, large and prebuilt objects.
* ``ll_arraycopy(source, dest, source_start, dest_start, length)``: copies ``length`` items of
  the list ``source`` from ``source_start`` into the list ``dest`` from ``dest_start``; the two
  may be the same list, with overlapping ranges. Translated, every store goes through the write
  barrier (card marking for large lists). The ranges must be inside both lists
  (``AssertionError`` otherwise; RPython does not check them).
* ``no_collect`` and ``must_be_light_finalizer``: decorators that mark a function. The
  translator reports a ``no_collect`` function that can allocate; every ``__del__`` is checked
  to be light (see below), decorated or not.
* ``add_memory_pressure(estimate, object=None)``: raw memory (``estimate`` bytes, an
  integer) held on behalf of objects, such as a buffer an instance frees in its ``__del__``.
  Translated, the generational collector's next major collection comes that much sooner, as
  with RPython's incminimark; the semispace and Boehm collectors ignore it. Untranslated it does
  nothing.
* ``FinalizerQueue``: see its docstring.
* ``cast_instance_to_gcref(obj)`` gives a ``GCREF``, an opaque reference to the instance (or
  None), which ``cast_gcref_to_instance(Class, gcref)`` turns back into an instance of
  ``Class`` (unchecked, as in RPython); ``try_cast_gcref_to_instance(Class, gcref)`` checks: it
  gives None unless the object is an instance of ``Class`` or of a subclass (or for a null
  GCREF). Untranslated a GCREF is the instance itself.
* ``get_rpy_memory_usage(gcref)``: the object's size in bytes (translated: the size of its
  type, items included, header included; untranslated: an estimate, a word for the header and
  one per attribute).
  ``get_rpy_type_index(gcref)``: the number of its type (translated: its type id;
  untranslated: a number of its class). Both take a GCREF that is not None.

A ``__del__`` method of an RPython class is a light destructor: the collector calls it when the
instance dies (CPython calls it when the last reference goes away, so a test must call
``collect()`` before looking at its effects). It must not allocate, raise, or read or write
fields holding objects, nor call functions that do; the translator reports a ``__del__`` that
does.
"""

import gc as _gc

collect = _gc.collect
enable = _gc.enable
disable = _gc.disable
isenabled = _gc.isenabled


def can_move(p):
    """Whether the object `p` may move. Untranslated: always True."""
    return True


def cast_instance_to_gcref(obj):
    """An opaque reference (GCREF) to the instance `obj`. Untranslated: `obj` itself."""
    return obj


def cast_gcref_to_instance(cls, gcref):
    """The instance a GCREF refers to, as an instance of `cls` (not checked)."""
    return gcref


def try_cast_gcref_to_instance(cls, gcref):
    """The instance a GCREF refers to if it is an instance of `cls`, else None."""
    if isinstance(gcref, cls):
        return gcref
    return None


def get_rpy_memory_usage(gcref):
    """The size in bytes of the object a GCREF refers to. Untranslated, an estimate of its
    translated size: a word for the header and one per attribute."""
    d = getattr(gcref, "__dict__", None)
    if d is None:
        import sys
        return sys.getsizeof(gcref)
    return 8 * (1 + len(d))


def get_rpy_type_index(gcref):
    """The number of the type of the object a GCREF refers to."""
    return id(type(gcref)) & 0xffff


def add_memory_pressure(estimate, object=None):
    """Tells the collector that about ``estimate`` bytes of raw memory are held on behalf of
    objects (``object``, if given, is the instance that holds them)."""


def ll_arraycopy(source, dest, source_start, dest_start, length):
    """Copies `length` items of `source` from `source_start` into `dest` from `dest_start`."""
    assert length >= 0 and source_start >= 0 and dest_start >= 0
    assert source_start + length <= len(source)
    assert dest_start + length <= len(dest)
    dest[dest_start:dest_start + length] = source[source_start:source_start + length]


def no_collect(func):
    """Marks a function that must not collect (checked by the translator)."""
    func._gc_no_collect_ = True
    return func


def must_be_light_finalizer(func):
    """Marks a ``__del__`` as light (every ``__del__`` is checked to be light anyway)."""
    func._must_be_light_finalizer_ = True
    return func


_patched_classes = set()


def _patch_del(cls):
    """Gives `cls` a ``__del__`` that queues the instances registered with a queue (and calls
    the ``__del__`` it had, or inherited, for the others)."""
    if cls in _patched_classes:
        return
    _patched_classes.add(cls)
    inherited = getattr(cls, "__del__", None)

    def __del__(self):
        queue = self.__dict__.pop("_rpy_finalizer_queue_", None)
        if queue is not None:
            queue._dead.append(self)
            queue.finalizer_trigger()
        elif inherited is not None:
            inherited(self)

    cls.__del__ = __del__


class FinalizerQueue(object):
    """A queue of dead objects, as RPython's ``rgc.FinalizerQueue``.

    Subclass it with a class attribute ``Class`` (the class, or a base class, of the objects
    registered; or None for a queue of GCREFs from ``cast_instance_to_gcref``, whose objects may
    be of any class, and whose ``next_dead()`` gives GCREFs) and a method
    ``finalizer_trigger(self)``, and make one prebuilt instance.
    ``register_finalizer(obj)`` registers an instance of ``Class`` (once); when the collector
    finds it dead, it keeps it alive, appends it to the queue and later calls
    ``finalizer_trigger()`` (outside the collector: translated, right after the collection,
    before the program goes on). ``next_dead()`` returns the queued objects, oldest first, then
    None. ``finalizer_trigger`` must be light, like a ``__del__``: it may not allocate or raise
    (it typically sets a flag that the program polls). Registered objects that die together are
    queued in order, as in RPython: one that another of them refers to (directly or not) stays
    alive and registered until that other one has been taken from its queue and has died in
    turn (CPython behaves the same, since the queued object keeps what it refers to alive).

    Untranslated, the object's class gets a ``__del__`` that queues it (CPython keeps an object
    alive whose ``__del__`` stored it somewhere); it is queued when CPython frees it, which is at
    the latest at the next ``rgc.collect()``. Weak references to an object are cleared when it is
    queued on CPython but not translated, so a test must not look at them then.
    """

    def _freeze_(self):
        return True

    def next_dead(self):
        dead = self.__dict__.get("_dead")
        if not dead:
            return None
        return dead.pop(0)

    def register_finalizer(self, obj):
        if self.Class is None:
            assert obj is not None, "register_finalizer() of a null GCREF"
        else:
            assert isinstance(obj, self.Class)
        assert "_rpy_finalizer_queue_" not in obj.__dict__, "registered twice"
        if "_dead" not in self.__dict__:
            self._dead = []
        _patch_del(type(obj))
        obj.__dict__["_rpy_finalizer_queue_"] = self

    def finalizer_trigger(self):
        raise NotImplementedError("a FinalizerQueue subclass defines finalizer_trigger()")


