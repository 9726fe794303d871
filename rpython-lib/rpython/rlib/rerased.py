"""Erased values: objects of different types stored in one field.

The names and the use are those of RPython's ``rpython.rlib.rerased``:

* ``erase, unerase = new_erasing_pair(name)``: ``erase(x)`` hides any value
  ``x`` (an instance, a list, a string, None, ...) in an erased value, and
  ``unerase(e)`` gives it back.  Erased values of every pair and of
  ``erase_int`` have one type, so a storage-strategy object can keep its
  items in a single field (``self.storage = erase([1, 2])`` for one
  strategy, ``erase(instance)`` for another) and let the strategy, which
  knows what it stored, unerase them.  Values erased by a pair must be
  unerased by the same pair; the type ``unerase`` returns is the union of
  everything that pair's ``erase`` was given, as in RPython.
* ``new_static_erasing_pair(name)``: the same two functions as
  ``staticmethod`` objects, to put in a class body.
* ``erase_int(i)`` erases an int; ``unerase_int(e)`` gives it back;
  ``is_integer(e)`` says whether ``e`` came from ``erase_int`` (RPython
  dropped this function; it is kept here because it is cheap).  As in
  RPython, ``erase_int`` raises ``OverflowError`` if ``2 * i + 1`` does not
  fit a machine word, the range of RPython's tagged integers.

How it differs from RPython: RPython casts the object to an untyped GC
pointer (and tags erased ints in the pointer's low bit), so erasing costs
nothing.  This translator has no untyped pointer annotation, so here an
erased value is an instance of a small class: one subclass of ``Erased``
per pair, holding the object in its one field, and one for ints.  Erasing
allocates that box (one header word and one field), unerasing reads the
field after a class check (an ``assert isinstance``, which also tells the
translator the box's class); unerasing with the wrong pair fails that check
with an ``AssertionError`` (undefined at ``--opt=3``, which removes asserts)
where RPython would crash.  ``erase(x) is erase(x)``
is false, and an erased value is never equal to the object itself.
RPython's ``try_cast_erased`` is not provided.  The same code runs
untranslated.
"""

from rpython.rlib.rarithmetic import MAXINT, MININT


class Erased(object):
    """The type of every erased value (never instantiated itself)."""
    _attrs_ = ()


class _ErasedInt(Erased):
    """An int erased by ``erase_int``."""
    _attrs_ = ('intval',)

    def __init__(self, intval):
        self.intval = intval


def erase_int(x):
    """Erase the int x (OverflowError if 2 * x + 1 overflows a word)."""
    if x > (MAXINT >> 1) or x < (MININT >> 1):
        raise OverflowError("integer too large to erase")
    return _ErasedInt(x)


def unerase_int(y):
    """The int erased by ``erase_int`` into y."""
    assert isinstance(y, _ErasedInt)
    return y.intval


def is_integer(y):
    """Whether the erased value y holds an int from ``erase_int``."""
    return isinstance(y, _ErasedInt)


def new_erasing_pair(name):
    """A new ``(erase, unerase)`` pair; ``name`` is for debugging only."""

    class ErasedBox(Erased):
        _attrs_ = ('obj',)

        def __init__(self, obj):
            self.obj = obj

    ErasedBox.__name__ = 'Erased_' + name
    ErasedBox.__qualname__ = 'Erased_' + name

    def erase(x):
        return ErasedBox(x)

    def unerase(y):
        assert isinstance(y, ErasedBox)
        return y.obj

    return erase, unerase


def new_static_erasing_pair(name):
    """``new_erasing_pair(name)`` as two ``staticmethod`` objects."""
    erase, unerase = new_erasing_pair(name)
    return staticmethod(erase), staticmethod(unerase)
