"""Weak references, as RPython's ``rpython.rlib.rweakref``: ``ref`` is Python's
``weakref.ref`` (no callbacks), ``has_weakref_support()`` is True, ``dead_ref`` is a weak
reference whose object is already dead, and the two weak dictionaries ``RWeakValueDictionary``
and ``RWeakKeyDictionary``.

``weakref.ref(obj)`` takes an instance of an RPython class that is not None; calling the weak
reference returns the instance, or None once the collector found it dead (untranslated: once
CPython freed it, at the latest at the next ``rgc.collect()``). Translated, a weak reference is
an object of its own whose pointer the collectors do not trace: they update it when the instance
moves and clear it when it dies. A weak reference made at import time (a module global, a class
attribute, an attribute of a prebuilt instance, ``dead_ref``) is translated too: its object is a
prebuilt object, which never moves nor dies, or it is dead already.

``RWeakValueDictionary(keyclass, valueclass)`` maps keys (``str``, ``int`` or instances of an
RPython class, compared by identity) to instances of ``valueclass`` held weakly: ``get(key)``
returns the instance, or None if there is none or it died; ``set(key, value)`` stores it, or
removes the key if ``value`` is None. ``RWeakKeyDictionary(keyclass, valueclass)`` maps
instances of ``keyclass``, held weakly and compared by identity, to instances of ``valueclass``
(held strongly): ``get``, ``set`` (None removes) and ``length()`` (the number of keys still
alive; slow, for debugging). The two class arguments must be constants; each weak dictionary
has the types its own call gives, so two weak dictionaries of different types live in one
program. Translated, both are dicts of the translator's own (``rpy_dict.h``) holding weak
references, from which the entries whose object died are dropped whenever the table grows, as
RPython does. (They cannot be plain RPython code built on ``weakref.ref`` and dicts: the types
of such a class's attributes would be shared by all its instances.) A prebuilt weak dictionary
(made at import time) is translated with the items alive at the end of the import, whose keys
and values are then prebuilt objects.
"""

import weakref

ref = weakref.ref


def has_weakref_support():
    """True: weak references are supported (translated too)."""
    return True


class _Dead(object):
    pass


def _make_dead_ref():
    r = weakref.ref(_Dead())
    if r() is not None:
        import gc
        gc.collect()
    assert r() is None
    return r


dead_ref = _make_dead_ref()


def _check_class(cls, what, builtins):
    if not isinstance(cls, type) or (cls.__module__ == "builtins" and cls not in builtins):
        raise TypeError("the %s class of a weak dictionary must be %s" % (
            what, "str, int or an RPython class" if builtins else "an RPython class"))


class _RWeakDictBase(object):
    """What both weak dictionaries share untranslated: a CPython weak dictionary whose keys
    and values are checked against the classes given."""

    def __init__(self, keyclass, valueclass, keytypes, table):
        _check_class(keyclass, "key", keytypes)
        _check_class(valueclass, "value", ())
        self._keyclass = keyclass
        self._valueclass = valueclass
        self._dict = table

    def get(self, key):
        """The value of `key`, or None if there is none or it died."""
        assert isinstance(key, self._keyclass)
        return self._dict.get(key, None)

    def set(self, key, value):
        """Stores `value` under `key`, or removes `key` if `value` is None."""
        assert isinstance(key, self._keyclass)
        if value is None:
            self._dict.pop(key, None)
        else:
            assert isinstance(value, self._valueclass)
            self._dict[key] = value

    def _snapshot_attrs_(self):
        # For the loader: the items alive at import time, as a plain dict.
        return {"_dict": dict(self._dict.items())}


class RWeakValueDictionary(_RWeakDictBase):
    """A dictionary whose values are held weakly (see the module documentation)."""

    def __init__(self, keyclass, valueclass):
        _RWeakDictBase.__init__(self, keyclass, valueclass, (str, int),
                                weakref.WeakValueDictionary())


class RWeakKeyDictionary(_RWeakDictBase):
    """A dictionary whose keys are instances held weakly (see the module documentation)."""

    def __init__(self, keyclass, valueclass):
        _RWeakDictBase.__init__(self, keyclass, valueclass, (), weakref.WeakKeyDictionary())

    def length(self):
        """The number of keys still alive (slow: for debugging)."""
        return len(self._dict)
