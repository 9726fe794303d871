"""Machine-integer arithmetic helpers.

Integers of a translated program are machine words.  On CPython, Python ints
are unbounded, so these helpers reproduce the word-sized behaviour.
"""

LONG_BIT = 64
LONG_MASK = (1 << LONG_BIT) - 1
LONG_TEST = 1 << (LONG_BIT - 1)
MAXINT = LONG_TEST - 1
MININT = -LONG_TEST


def intmask(x):
    """Wrap an integer to a signed machine word (two's complement)."""
    if isinstance(x, float):
        x = int(x)
    x = int(x) & LONG_MASK
    if x & LONG_TEST:
        x -= 1 << LONG_BIT
    return x


def is_valid_int(x):
    """True if x is an int (not a bool) that fits in a signed machine word."""
    return (isinstance(x, int) and not isinstance(x, bool)
            and MININT <= x <= MAXINT)


def ovfcheck(x):
    """Return x if it fits in a signed machine word, else raise OverflowError.

    Use it around one arithmetic operation: ``ovfcheck(a + b)``.
    """
    if isinstance(x, r_uint):
        raise TypeError("ovfcheck() on an r_uint")
    if not isinstance(x, int):
        raise TypeError("ovfcheck() needs an integer, got %r" % (type(x),))
    if not (MININT <= x <= MAXINT):
        raise OverflowError("integer overflow")
    return x


def widen(x):
    """Widen a small integer type to a full machine word (identity on ints)."""
    return x


def _ucoerce(x):
    if isinstance(x, int):
        return int(x) & LONG_MASK
    return NotImplemented


class r_uint(int):
    """An unsigned machine word: arithmetic wraps modulo 2**LONG_BIT."""

    __slots__ = ()

    def __new__(cls, value=0):
        return int.__new__(cls, int(value) & LONG_MASK)

    def __repr__(self):
        return "r_uint(%d)" % int(self)

    # arithmetic --------------------------------------------------------
    def __add__(self, other):
        o = _ucoerce(other)
        if o is NotImplemented:
            return NotImplemented
        return r_uint(int(self) + o)

    __radd__ = __add__

    def __sub__(self, other):
        o = _ucoerce(other)
        if o is NotImplemented:
            return NotImplemented
        return r_uint(int(self) - o)

    def __rsub__(self, other):
        o = _ucoerce(other)
        if o is NotImplemented:
            return NotImplemented
        return r_uint(o - int(self))

    def __mul__(self, other):
        o = _ucoerce(other)
        if o is NotImplemented:
            return NotImplemented
        return r_uint(int(self) * o)

    __rmul__ = __mul__

    def __floordiv__(self, other):
        o = _ucoerce(other)
        if o is NotImplemented:
            return NotImplemented
        return r_uint(int(self) // o)

    def __rfloordiv__(self, other):
        o = _ucoerce(other)
        if o is NotImplemented:
            return NotImplemented
        return r_uint(o // int(self))

    def __mod__(self, other):
        o = _ucoerce(other)
        if o is NotImplemented:
            return NotImplemented
        return r_uint(int(self) % o)

    def __rmod__(self, other):
        o = _ucoerce(other)
        if o is NotImplemented:
            return NotImplemented
        return r_uint(o % int(self))

    def __divmod__(self, other):
        o = _ucoerce(other)
        if o is NotImplemented:
            return NotImplemented
        return (r_uint(int(self) // o), r_uint(int(self) % o))

    def __pow__(self, other, mod=None):
        o = _ucoerce(other)
        if o is NotImplemented:
            return NotImplemented
        return r_uint(pow(int(self), o, 1 << LONG_BIT))

    def __neg__(self):
        return r_uint(-int(self))

    def __pos__(self):
        return self

    def __abs__(self):
        return self

    def __invert__(self):
        return r_uint(~int(self))

    # bitwise -----------------------------------------------------------
    def __and__(self, other):
        o = _ucoerce(other)
        if o is NotImplemented:
            return NotImplemented
        return r_uint(int(self) & o)

    __rand__ = __and__

    def __or__(self, other):
        o = _ucoerce(other)
        if o is NotImplemented:
            return NotImplemented
        return r_uint(int(self) | o)

    __ror__ = __or__

    def __xor__(self, other):
        o = _ucoerce(other)
        if o is NotImplemented:
            return NotImplemented
        return r_uint(int(self) ^ o)

    __rxor__ = __xor__

    def __lshift__(self, other):
        n = int(other)
        if n < 0:
            raise ValueError("negative shift count")
        return r_uint(int(self) << n)

    def __rlshift__(self, other):
        o = _ucoerce(other)
        if o is NotImplemented:
            return NotImplemented
        return r_uint(o << int(self))

    def __rshift__(self, other):
        n = int(other)
        if n < 0:
            raise ValueError("negative shift count")
        return r_uint(int(self) >> n)

    def __rrshift__(self, other):
        o = _ucoerce(other)
        if o is NotImplemented:
            return NotImplemented
        return r_uint(o >> int(self))

    # comparisons: compare as unsigned values ---------------------------
    def __eq__(self, other):
        o = _ucoerce(other)
        if o is NotImplemented:
            return NotImplemented
        return int(self) == o

    def __ne__(self, other):
        o = _ucoerce(other)
        if o is NotImplemented:
            return NotImplemented
        return int(self) != o

    def __lt__(self, other):
        o = _ucoerce(other)
        if o is NotImplemented:
            return NotImplemented
        return int(self) < o

    def __le__(self, other):
        o = _ucoerce(other)
        if o is NotImplemented:
            return NotImplemented
        return int(self) <= o

    def __gt__(self, other):
        o = _ucoerce(other)
        if o is NotImplemented:
            return NotImplemented
        return int(self) > o

    def __ge__(self, other):
        o = _ucoerce(other)
        if o is NotImplemented:
            return NotImplemented
        return int(self) >= o

    def __hash__(self):
        return int.__hash__(self)


def r_int(x):
    """A signed machine word (same as intmask)."""
    return intmask(x)
