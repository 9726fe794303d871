"""Machine-integer arithmetic helpers.

Integers of a translated program are machine words.  On CPython, Python ints
are unbounded, so these helpers reproduce the word-sized behaviour.

Provides ``intmask``, ``ovfcheck``, ``widen``, ``is_valid_int``, ``r_int``
(a function, like ``intmask``), the fixed-width integer classes made by
``build_int`` (``r_uint``/``r_ulonglong``, ``r_uint32``, ``r_int32``,
``r_ushort``, ``r_short``, ``r_uchar``, ``r_signedchar``, 128-bit
``r_longlonglong``/``r_ulonglonglong``), ``r_longlong`` (= ``r_int``),
``r_singlefloat``, ``string_to_int``, ``ovfcheck_float_to_int``,
``mulmod``, ``highest_bit``, ``int_between``, ``int_force_ge_zero``,
``most_neg_value_of``/``most_pos_value_of`` and the constants ``LONG_BIT``,
``LONG_MASK``, ``MAXINT``, ``MININT``, ``LONGLONG_BIT``, ``LONGLONG_MASK``.
"""

from rpython.rlib._cpython_only import cpython_only

LONG_BIT = 64
LONG_MASK = (1 << LONG_BIT) - 1
LONG_TEST = 1 << (LONG_BIT - 1)
MAXINT = LONG_TEST - 1
MININT = -LONG_TEST


@cpython_only
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


@cpython_only
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


@cpython_only
def widen(x):
    """Widen a small integer type to a full machine word: a plain int for the
    narrow fixed-width types and bools; ints and r_uint are returned as they are."""
    if isinstance(x, bool) or (isinstance(x, base_int) and x.BITS < LONG_BIT):
        return int(x)
    return x


class base_int(int):
    """A fixed-width machine integer on CPython: results wrap to its width.

    Subclasses made by ``build_int`` set ``BITS`` and ``SIGNED``.  Mixing
    with a plain ``int`` gives the fixed-width type; mixing two fixed-width
    types of the same signedness gives the wider one; mixing two of different
    signedness is an error (TypeError here, a translation error translated);
    mixing with a ``float`` gives a ``float``.  Comparisons convert the other
    operand to the common type first, as the translated program does.  A
    shift gives the type of its left operand (``1 << r_uint32(3)`` is an int).
    """

    __slots__ = ()
    BITS = LONG_BIT
    SIGNED = True

    def __new__(cls, value=0):
        return int.__new__(cls, cls._wrap(int(value)))

    @classmethod
    def _wrap(cls, v):
        v &= (1 << cls.BITS) - 1
        if cls.SIGNED and v & (1 << (cls.BITS - 1)):
            v -= 1 << cls.BITS
        return v

    def __repr__(self):
        return "%s(%d)" % (type(self).__name__, int(self))

    def __str__(self):
        return str(int(self))

    def _restype(self, other):
        """The class of the result of an operation with `other`, or None."""
        if isinstance(other, base_int):
            a = type(self)
            b = type(other)
            if a is b:
                return a
            if a.SIGNED != b.SIGNED:
                raise TypeError("cannot mix %s and %s: integers of different "
                                "signedness" % (a.__name__, b.__name__))
            if a.BITS >= b.BITS:
                return a
            return b
        if isinstance(other, int):
            return type(self)
        return None

    def _binop(self, other, op, reverse):
        cls = self._restype(other)
        if cls is None:
            return NotImplemented
        a = cls._wrap(int(self))
        b = cls._wrap(int(other))
        if reverse:
            a, b = b, a
        return cls(op(a, b))

    # arithmetic --------------------------------------------------------
    def __add__(self, other):
        return self._binop(other, _op_add, False)

    def __radd__(self, other):
        return self._binop(other, _op_add, True)

    def __sub__(self, other):
        return self._binop(other, _op_sub, False)

    def __rsub__(self, other):
        return self._binop(other, _op_sub, True)

    def __mul__(self, other):
        return self._binop(other, _op_mul, False)

    def __rmul__(self, other):
        return self._binop(other, _op_mul, True)

    def __floordiv__(self, other):
        return self._binop(other, _op_floordiv, False)

    def __rfloordiv__(self, other):
        return self._binop(other, _op_floordiv, True)

    def __mod__(self, other):
        return self._binop(other, _op_mod, False)

    def __rmod__(self, other):
        return self._binop(other, _op_mod, True)

    def __divmod__(self, other):
        q = self.__floordiv__(other)
        if q is NotImplemented:
            return NotImplemented
        return (q, self.__mod__(other))

    def __rdivmod__(self, other):
        q = self.__rfloordiv__(other)
        if q is NotImplemented:
            return NotImplemented
        return (q, self.__rmod__(other))

    def __pow__(self, other, mod=None):
        cls = self._restype(other)
        if cls is None:
            return NotImplemented
        return cls(pow(cls._wrap(int(self)), int(other), 1 << cls.BITS))

    def __neg__(self):
        return type(self)(-int(self))

    def __pos__(self):
        return self

    def __abs__(self):
        return type(self)(abs(int(self)))

    def __invert__(self):
        return type(self)(~int(self))

    # bitwise -----------------------------------------------------------
    def __and__(self, other):
        return self._binop(other, _op_and, False)

    def __rand__(self, other):
        return self._binop(other, _op_and, True)

    def __or__(self, other):
        return self._binop(other, _op_or, False)

    def __ror__(self, other):
        return self._binop(other, _op_or, True)

    def __xor__(self, other):
        return self._binop(other, _op_xor, False)

    def __rxor__(self, other):
        return self._binop(other, _op_xor, True)

    def __lshift__(self, other):
        n = int(other)
        if n < 0:
            raise ValueError("negative shift count")
        return type(self)(int(self) << n)

    def __rlshift__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return intmask(int(other) << int(self))

    def __rshift__(self, other):
        n = int(other)
        if n < 0:
            raise ValueError("negative shift count")
        return type(self)(int(self) >> n)

    def __rrshift__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return int(other) >> int(self)

    # comparisons -------------------------------------------------------
    def _cmp_pair(self, other):
        cls = self._restype(other)
        if cls is None:
            return None
        return (cls._wrap(int(self)), cls._wrap(int(other)))

    def __eq__(self, other):
        p = self._cmp_pair(other)
        if p is None:
            return NotImplemented
        return p[0] == p[1]

    def __ne__(self, other):
        p = self._cmp_pair(other)
        if p is None:
            return NotImplemented
        return p[0] != p[1]

    def __lt__(self, other):
        p = self._cmp_pair(other)
        if p is None:
            return NotImplemented
        return p[0] < p[1]

    def __le__(self, other):
        p = self._cmp_pair(other)
        if p is None:
            return NotImplemented
        return p[0] <= p[1]

    def __gt__(self, other):
        p = self._cmp_pair(other)
        if p is None:
            return NotImplemented
        return p[0] > p[1]

    def __ge__(self, other):
        p = self._cmp_pair(other)
        if p is None:
            return NotImplemented
        return p[0] >= p[1]

    def __hash__(self):
        return int.__hash__(self)


def _op_add(a, b):
    return a + b


def _op_sub(a, b):
    return a - b


def _op_mul(a, b):
    return a * b


def _op_floordiv(a, b):
    return a // b


def _op_mod(a, b):
    return a % b


def _op_and(a, b):
    return a & b


def _op_or(a, b):
    return a | b


def _op_xor(a, b):
    return a ^ b


class signed_int(base_int):
    """Base class of the signed fixed-width integer types."""
    __slots__ = ()
    SIGNED = True


class unsigned_int(base_int):
    """Base class of the unsigned fixed-width integer types."""
    __slots__ = ()
    SIGNED = False


_inttypes = {}


@cpython_only
def build_int(name, sign, bits):
    """The fixed-width integer class of the given signedness and width.

    One class per (sign, bits): the first call names it.
    """
    sign = bool(sign)
    key = (sign, bits)
    try:
        return _inttypes[key]
    except KeyError:
        pass
    if sign:
        base = signed_int
    else:
        base = unsigned_int
    cls = type(name, (base,), {"__slots__": (), "BITS": bits,
                               "__doc__": "%s %d-bit machine integer" % (
                                   sign and "A signed" or "An unsigned", bits)})
    cls.__module__ = __name__
    _inttypes[key] = cls
    return cls


r_uint = build_int("r_uint", False, LONG_BIT)
r_uint.__doc__ = "An unsigned machine word: arithmetic wraps modulo 2**LONG_BIT."
r_ulonglong = build_int("r_ulonglong", False, 64)
r_uint64 = r_ulonglong
r_uint32 = build_int("r_uint32", False, 32)
r_int32 = build_int("r_int32", True, 32)
r_ushort = build_int("r_ushort", False, 16)
r_short = build_int("r_short", True, 16)
r_uint16 = r_ushort
r_int16 = r_short
r_uchar = build_int("r_uchar", False, 8)
r_signedchar = build_int("r_signedchar", True, 8)
r_uint8 = r_uchar
r_int8 = r_signedchar
r_longlonglong = build_int("r_longlonglong", True, 128)
r_ulonglonglong = build_int("r_ulonglonglong", False, 128)


def r_int(x):
    """A signed machine word (same as intmask)."""
    return intmask(x)


r_longlong = r_int
r_int64 = r_int
longlongmask = intmask

LONGLONG_BIT = 64
LONGLONG_MASK = (1 << LONGLONG_BIT) - 1
LONGLONG_TEST = 1 << (LONGLONG_BIT - 1)
LONG_BIT_SHIFT = 6
UINT_MAX = (1 << 32) - 1


class r_singlefloat(object):
    """A single-precision (32-bit) float.

    It supports no arithmetic: convert it with ``float()`` first.
    """

    __slots__ = ("_bits",)

    def __init__(self, value):
        import struct
        if isinstance(value, r_singlefloat):
            self._bits = value._bits
        else:
            self._bits = struct.pack("f", float(value))

    def __float__(self):
        import struct
        return struct.unpack("f", self._bits)[0]

    def __bool__(self):
        return float(self) != 0.0

    def __repr__(self):
        return "r_singlefloat(%r)" % (float(self),)

    def __eq__(self, other):
        raise TypeError("r_singlefloat cannot be compared; use float()")

    __ne__ = __eq__
    __hash__ = None


@cpython_only
def is_signed_integer_type(tp):
    """True for int and the signed fixed-width integer classes."""
    if tp is int or tp is bool:
        return True
    return isinstance(tp, type) and issubclass(tp, base_int) and tp.SIGNED


@cpython_only
def most_neg_value_of(tp):
    """The smallest value of the integer type tp (int, or a fixed-width class)."""
    if tp is int:
        return MININT
    if tp.SIGNED:
        return tp(-(1 << (tp.BITS - 1)))
    return tp(0)


@cpython_only
def most_pos_value_of(tp):
    """The largest value of the integer type tp (int, or a fixed-width class)."""
    if tp is int:
        return MAXINT
    if tp.SIGNED:
        return tp((1 << (tp.BITS - 1)) - 1)
    return tp((1 << tp.BITS) - 1)


def most_neg_value_of_same_type(x):
    return most_neg_value_of(type(x))


def most_pos_value_of_same_type(x):
    return most_pos_value_of(type(x))


def int_between(n, m, p):
    """n <= m < p."""
    return n <= m and m < p


def int_force_ge_zero(n):
    """n if it is >= 0, else 0."""
    if n < 0:
        return 0
    return n


def highest_bit(n):
    """The index of the bit set in n, which must be a power of two."""
    assert n > 0 and (n & (n - 1)) == 0
    i = -1
    while n:
        i += 1
        n >>= 1
    return i


def ovfcheck_float_to_int(x):
    """int(x) for a float x, raising OverflowError if it does not fit a
    machine word (or is not finite)."""
    if x != x:
        raise OverflowError("cannot convert NaN to an integer")
    if x >= 9223372036854775808.0 or x < -9223372036854775808.0:
        raise OverflowError("float too large to convert to an integer")
    return int(x)


ovfcheck_float_to_longlong = ovfcheck_float_to_int


def mulmod(a, b, c):
    """(a * b) % c for non-negative a, b < c, without overflowing a word."""
    assert c > 0
    result = 0
    a = a % c
    b = b % c
    while b > 0:
        # Additions modulo c that never leave [0, c), so no word overflows.
        if b & 1:
            if result >= c - a:
                result -= c - a
            else:
                result += a
        if a >= c - a:
            a -= c - a
        else:
            a += a
        b >>= 1
    return result


# At the end: rstring imports ovfcheck from this module.
from rpython.rlib.rstring import (NumberStringParser, ParseStringError,  # noqa: E402
                                  ParseStringOverflowError, string_to_int)
