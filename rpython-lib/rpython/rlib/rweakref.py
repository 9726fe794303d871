"""Weak references, as RPython's ``rpython.rlib.rweakref``: ``ref`` is Python's
``weakref.ref`` (no callbacks), and ``has_weakref_support()`` is True.

``weakref.ref(obj)`` takes an instance of an RPython class that is not None; calling the weak
reference returns the instance, or None once the collector found it dead (untranslated: once
CPython freed it, at the latest at the next ``rgc.collect()``). Translated, a weak reference is
an object of its own whose pointer the collectors do not trace: they update it when the instance
moves and clear it when it dies.

RPython's ``RWeakValueDictionary`` and ``RWeakKeyDictionary`` are not provided yet.
"""

import weakref

ref = weakref.ref


def has_weakref_support():
    """True: weak references are supported (translated too)."""
    return True
