"""Arbitrary-precision integers for RPython programs: ``rbigint``.

The names and the semantics are those of RPython's ``rpython.rlib.rbigint``,
so that interpreters written against it port unchanged; the code is our own.
An ``rbigint`` is immutable: every operation returns a new object (or one of
its operands, or a shared constant), and no method changes its receiver.

Constructors (static methods): ``fromint(i)``, ``fromrarith_int(i)`` (any
integer of ``rarithmetic``, ``r_uint`` included), ``frombool(b)``,
``fromfloat(f)`` (``OverflowError`` for an infinity, ``ValueError`` for a
NaN; the fraction is truncated), ``fromstr(s, base=0,
allow_underscores=False)`` (as ``int(s, base)``, through
``rstring.NumberStringParser``; a trailing ``l``/``L`` is ignored below base
22, as RPython does; invalid text raises ``rstring.ParseStringError``, not
``ValueError``, as in RPython), ``fromdecimalstr(s)`` (a sign and decimal
digits already checked), ``frombytes(s, byteorder, signed)`` and
``_from_numberstring_parser(parser)``; untranslated only, ``fromlong(n)`` and
``tolong()``.  Constants: ``NULLRBIGINT``, ``ONERBIGINT``,
``ONENEGATIVERBIGINT``, and the digit strings ``BASE8``, ``BASE10``,
``BASE16`` for ``format``.

Conversions: ``toint()``/``tolonglong()`` (``OverflowError`` outside a
machine word), ``fits_int()``, ``touint()``/``toulonglong()`` (``ValueError``
if negative, ``OverflowError`` if too big), ``uintmask()``/
``ulonglongmask()`` (the low 64 bits of the two's complement, as ``r_uint``),
``tofloat()`` (correctly rounded, ``OverflowError`` if too big), ``tobool()``,
``str()``, ``repr()`` (RPython's: the decimal digits and an ``L``),
``format(digits, prefix='', suffix='', max_str_digits=0)`` (``digits`` is
the string of the base's digit characters; the sign comes before
``prefix``; more than ``max_str_digits`` digits, when it is positive, raise
``MaxIntError``), ``hex()``/``oct()`` (RPython's Python 2 spellings,
``0x1fL`` and ``017L``), ``tobytes(nbytes, byteorder, signed)``,
``bit_length()``, ``bit_count()``, ``log(base)`` (``0.0`` for the natural
logarithm), ``hash()`` (RPython's: the magnitude modulo ``2**64 - 1``, with
the sign of the number, wrapped to a word; so ``fromint(i).hash() == i`` for
every machine int, which is CPython's ``hash(i)`` when ``i != -1`` and
``abs(i) < 2**61 - 1``), the sign as the attribute ``sign`` and the method
``get_sign()`` (-1, 0 or 1), ``numdigits()`` and ``digit(i)``.

Arithmetic, each also with an ``int_`` variant taking a machine int
(``int_add``, ``int_sub``, ``int_mul``, ``int_floordiv``, ``int_div``,
``int_mod``, ``int_divmod``, ``int_pow``, ``int_and_``, ``int_or_``,
``int_xor``, ``int_eq`` ... ``int_ge``): ``add``, ``sub``, ``mul``,
``floordiv``/``div``, ``mod``, ``divmod`` (a tuple), ``truediv`` (a float,
correctly rounded), ``pow(other, modulus=None)`` (a negative exponent raises
``ValueError``, or ``TypeError`` with a modulus, as RPython; a zero modulus
``ValueError``), ``neg``, ``abs``, ``invert``, ``lshift(n)``, ``rshift(n,
dont_invert=False)``, ``lqshift``/``rqshift`` (here the same as ``lshift``
and ``rshift``), ``and_``, ``or_``,
``xor``, ``gcd``, ``isqrt``, ``int_mod_int_result``, the comparisons ``eq``,
``ne``, ``lt``, ``le``, ``gt``, ``ge``, and the static
``add_int_int_bigint_result`` (and ``sub_``, ``mul_``,
``lshift_int_int_bigint_result``).  Division and modulo floor as Python's
ints do, a zero divisor raises ``ZeroDivisionError``, a negative shift count
``ValueError``, and bitwise operations act on the infinite two's complement.

Representation and algorithms (not RPython's): a ``sign`` and a list
``_digits`` of 31-bit digits in plain ints, least significant first, with no
zero digit at the top (zero is ``[0]`` with sign 0), so that the product of
two digits plus two more fits a 64-bit word.  Multiplication is schoolbook,
division Knuth's algorithm D, decimal output divides a copy of the digits by
10**9 in place, chunk after chunk, and decimal input multiplies by 10**9
and adds, chunk after chunk (both quadratic, with small constants:
translated, printing a 10,000-digit number takes about 10 ms and parsing it
under 2 ms).  Digit lists are never changed once an ``rbigint`` holds them,
so operations share them freely.
"""

import math

from rpython.rlib.objectmodel import not_rpython, specialize
from rpython.rlib.rarithmetic import LONG_BIT, MAXINT, intmask, r_uint

SHIFT = 31
MASK = (1 << SHIFT) - 1
_BASE = 1 << SHIFT
_FLOAT_BASE = float(_BASE)

BASE8 = '01234567'
BASE10 = '0123456789'
BASE16 = '0123456789abcdef'

# The largest power of ten below 2**31, and its exponent.
_DEC_CHUNK = 1000000000
_DEC_CHUNK_DIGITS = 9

# Bits kept for a correctly rounded float: the 53 of a double, a rounding
# bit and a sticky bit.
_FLOAT_BITS = 55


class InvalidEndiannessError(Exception):
    """``byteorder`` is neither ``'big'`` nor ``'little'``."""


class InvalidSignednessError(Exception):
    """A negative number converted to bytes without ``signed``."""


class MaxIntError(Exception):
    """``format`` would give more digits than ``max_str_digits``."""


# ---------------------------------------------------------------------------
# Magnitudes: lists of digits, least significant first, normalised (no zero
# digit at the top except in [0]).  Functions here never change their
# arguments unless their name says "inplace".

def _normalized(d):
    n = len(d)
    while n > 1 and d[n - 1] == 0:
        n -= 1
    if n < len(d):
        return d[:n]
    return d


def _digits_of_uint(u):
    """The magnitude of the unsigned word u."""
    res = [intmask(u & r_uint(MASK))]
    u = u >> SHIFT
    while u != r_uint(0):
        res.append(intmask(u & r_uint(MASK)))
        u = u >> SHIFT
    return res


def _digits_of_nonneg(n):
    """The magnitude of the int n >= 0."""
    res = [n & MASK]
    n = n >> SHIFT
    while n != 0:
        res.append(n & MASK)
        n = n >> SHIFT
    return res


def _mag_is_zero(a):
    return len(a) == 1 and a[0] == 0


def _mag_cmp(a, b):
    la = len(a)
    lb = len(b)
    if la != lb:
        if la < lb:
            return -1
        return 1
    i = la - 1
    while i >= 0:
        x = a[i]
        y = b[i]
        if x != y:
            if x < y:
                return -1
            return 1
        i -= 1
    return 0


def _mag_add(a, b):
    if len(a) < len(b):
        a, b = b, a
    la = len(a)
    lb = len(b)
    res = [0] * (la + 1)
    carry = 0
    i = 0
    while i < lb:
        carry += a[i] + b[i]
        res[i] = carry & MASK
        carry >>= SHIFT
        i += 1
    while i < la:
        carry += a[i]
        res[i] = carry & MASK
        carry >>= SHIFT
        i += 1
    res[la] = carry
    return _normalized(res)


def _mag_sub(a, b):
    """a - b for magnitudes with a >= b."""
    la = len(a)
    lb = len(b)
    res = [0] * la
    borrow = 0
    i = 0
    while i < lb:
        borrow = a[i] - b[i] - borrow
        res[i] = borrow & MASK
        borrow = (borrow >> SHIFT) & 1
        i += 1
    while i < la:
        borrow = a[i] - borrow
        res[i] = borrow & MASK
        borrow = (borrow >> SHIFT) & 1
        i += 1
    assert borrow == 0
    return _normalized(res)


def _mag_mul_small(a, m, extra):
    """a * m + extra for 0 <= m, extra < 2**31."""
    la = len(a)
    res = [0] * (la + 1)
    carry = extra
    i = 0
    while i < la:
        carry += a[i] * m
        res[i] = carry & MASK
        carry >>= SHIFT
        i += 1
    res[la] = carry
    return _normalized(res)


def _mag_mul(a, b):
    la = len(a)
    lb = len(b)
    if la < lb:
        a, b = b, a
        la, lb = lb, la
    if lb == 1:
        return _mag_mul_small(a, b[0], 0)
    res = [0] * (la + lb)
    i = 0
    while i < lb:
        f = b[i]
        if f != 0:
            carry = 0
            k = i
            j = 0
            while j < la:
                # At most (2**31-1) + (2**31-1)**2 + (2**31-1): below 2**62.
                carry += res[k] + a[j] * f
                res[k] = carry & MASK
                carry >>= SHIFT
                k += 1
                j += 1
            res[k] = carry
        i += 1
    return _normalized(res)


def _mag_divrem1(a, n):
    """(a // n, a % n) for a single digit 0 < n < 2**31."""
    la = len(a)
    q = [0] * la
    rem = 0
    i = la - 1
    while i >= 0:
        cur = (rem << SHIFT) | a[i]
        d = cur // n
        q[i] = d
        rem = cur - d * n
        i -= 1
    return _normalized(q), rem


def _bits_in_digit(d):
    n = 0
    while d != 0:
        d >>= 1
        n += 1
    return n


def _mag_lshift(a, n):
    if _mag_is_zero(a):
        return a
    wordshift = n // SHIFT
    bitshift = n - wordshift * SHIFT
    la = len(a)
    res = [0] * (wordshift + la + 1)
    carry = 0
    i = 0
    while i < la:
        v = (a[i] << bitshift) | carry
        res[wordshift + i] = v & MASK
        carry = v >> SHIFT
        i += 1
    res[wordshift + la] = carry
    return _normalized(res)


def _mag_rshift(a, n):
    wordshift = n // SHIFT
    la = len(a)
    if wordshift >= la:
        return [0]
    bitshift = n - wordshift * SHIFT
    size = la - wordshift
    res = [0] * size
    i = 0
    while i < size:
        v = a[wordshift + i] >> bitshift
        if wordshift + i + 1 < la:
            v |= (a[wordshift + i + 1] << (SHIFT - bitshift)) & MASK
        res[i] = v
        i += 1
    return _normalized(res)


def _mag_low_bits_nonzero(a, n):
    """Whether any of the n lowest bits of a is set."""
    wordshift = n // SHIFT
    i = 0
    while i < wordshift and i < len(a):
        if a[i] != 0:
            return True
        i += 1
    if wordshift >= len(a):
        return False
    bitshift = n - wordshift * SHIFT
    return (a[wordshift] & ((1 << bitshift) - 1)) != 0


def _mag_divrem_knuth(a, b):
    """(a // b, a % b) for len(b) >= 2 and a >= b: Knuth's algorithm D."""
    n = len(b)
    m = len(a) - n
    # Normalise so that the top digit of the divisor has its high bit set:
    # then each estimated quotient digit is at most two too large.
    s = SHIFT - _bits_in_digit(b[n - 1])
    v = _mag_lshift(b, s)
    assert len(v) == n
    u = [0] * (len(a) + 1)
    carry = 0
    i = 0
    while i < len(a):
        x = (a[i] << s) | carry
        u[i] = x & MASK
        carry = x >> SHIFT
        i += 1
    u[len(a)] = carry
    vtop = v[n - 1]
    vnext = v[n - 2]
    q = [0] * (m + 1)
    j = m
    while j >= 0:
        num = (u[j + n] << SHIFT) | u[j + n - 1]
        qhat = num // vtop
        if qhat > MASK:
            qhat = MASK
        rhat = num - qhat * vtop
        while rhat < _BASE and qhat * vnext > ((rhat << SHIFT) | u[j + n - 2]):
            qhat -= 1
            rhat += vtop
        # u[j .. j+n] -= qhat * v, with a signed running carry.
        k = 0
        i = 0
        while i < n:
            p = qhat * v[i]
            t = u[j + i] - (p & MASK) + k
            u[j + i] = t & MASK
            k = (t >> SHIFT) - (p >> SHIFT)
            i += 1
        t = u[j + n] + k
        if t < 0:
            # qhat was one too large: add the divisor back.
            qhat -= 1
            c = 0
            i = 0
            while i < n:
                c += u[j + i] + v[i]
                u[j + i] = c & MASK
                c >>= SHIFT
                i += 1
            t += c
        assert t == 0
        u[j + n] = 0
        q[j] = qhat
        j -= 1
    rem = _mag_rshift(_normalized(u[:n]), s)
    return _normalized(q), rem


def _mag_divrem(a, b):
    """(a // b, a % b) for magnitudes, b not zero."""
    if _mag_cmp(a, b) < 0:
        return [0], a
    if len(b) == 1:
        q, r = _mag_divrem1(a, b[0])
        return q, [r]
    return _mag_divrem_knuth(a, b)


def _mag_to_uint(a):
    """The magnitude as an r_uint; OverflowError if it needs more than 64 bits."""
    x = r_uint(0)
    i = len(a) - 1
    while i >= 0:
        if (x >> (LONG_BIT - SHIFT)) != r_uint(0):
            raise OverflowError("int too large to convert to an unsigned word")
        x = (x << SHIFT) | r_uint(a[i])
        i -= 1
    return x


def _mag_to_uint_wrapped(a):
    """The low 64 bits of the magnitude, as an r_uint."""
    x = r_uint(0)
    i = len(a) - 1
    while i >= 0:
        x = (x << SHIFT) | r_uint(a[i])
        i -= 1
    return x


def _int_bit_length(n):
    """Bits of the int 0 <= n."""
    res = 0
    while n != 0:
        n >>= 1
        res += 1
    return res


def _round_to_float(q, exp2, negative, msg):
    """The float nearest q * 2**exp2 (ties to even), negated if asked.

    0 < q < 2**62; if q has more than 53 bits, its lowest bit is 'sticky'
    (set when the exact value has more bits below it), so at least two bits
    must be dropped when rounding.  OverflowError(msg) if the result is not
    finite.
    """
    nbits = _int_bit_length(q)
    top = nbits + exp2          # the value is in [2**(top-1), 2**top)
    mant = 53
    if top < -1021:             # below 2**-1022: a subnormal double
        mant = top + 1074
    drop = nbits - mant
    if drop > 0:
        if drop > 62:
            r = 0
        else:
            r = q >> drop
            rem = q & ((1 << drop) - 1)
            half = 1 << (drop - 1)
            if rem > half or (rem == half and (r & 1) != 0):
                r += 1
        q = r
        exp2 += drop
    if top > 1024 or (top == 1024 and drop >= 0 and q == (1 << mant)):
        raise OverflowError(msg)
    res = math.ldexp(float(q), exp2)
    if negative:
        return -res
    return res


def _mag_bit_length(a):
    n = len(a)
    return (n - 1) * SHIFT + _bits_in_digit(a[n - 1])


def _twos_complement(x, n):
    """n digits of the two's complement of the rbigint x (n is more than
    its number of digits, so the top digit is 0 or MASK: the sign)."""
    if x.sign >= 0:
        res = [0] * n
        d = x._digits
        i = 0
        while i < len(d):
            res[i] = d[i]
            i += 1
        return res
    m = _mag_sub(x._digits, [1])
    res = [MASK] * n
    i = 0
    while i < len(m):
        res[i] = m[i] ^ MASK
        i += 1
    return res


def _bitwise(a, op, b):
    """a & b (op 0), a | b (op 1) or a ^ b (op 2) on two's complements."""
    n = len(a._digits)
    if len(b._digits) > n:
        n = len(b._digits)
    n += 1
    x = _twos_complement(a, n)
    y = _twos_complement(b, n)
    z = [0] * n
    i = 0
    if op == 0:
        while i < n:
            z[i] = x[i] & y[i]
            i += 1
    elif op == 1:
        while i < n:
            z[i] = x[i] | y[i]
            i += 1
    else:
        while i < n:
            z[i] = x[i] ^ y[i]
            i += 1
    if z[n - 1] == 0:
        return rbigint(z, 1)
    # Negative: the magnitude is the complement plus one.
    i = 0
    while i < n:
        z[i] = z[i] ^ MASK
        i += 1
    return rbigint(_mag_add(_normalized(z), [1]), -1)


def _muladd_inplace(a, m, extra):
    """a = a * m + extra in place (0 <= m, extra < 2**31); a may grow."""
    carry = extra
    i = 0
    while i < len(a):
        carry += a[i] * m
        a[i] = carry & MASK
        carry >>= SHIFT
        i += 1
    if carry != 0:
        a.append(carry)


def _digits_from_values(values, base):
    """The magnitude of the number whose digits in base are values (most
    significant first, each 0 <= v < base)."""
    if base & (base - 1) == 0:
        bits = _int_bit_length(base) - 1
        res = []
        acc = 0
        nacc = 0
        i = len(values) - 1
        while i >= 0:
            acc |= values[i] << nacc
            nacc += bits
            if nacc >= SHIFT:
                res.append(acc & MASK)
                acc >>= SHIFT
                nacc -= SHIFT
            i -= 1
        res.append(acc)
        return _normalized(res)
    # The largest power of base below 2**31.
    chunk = base
    per_chunk = 1
    while chunk * base < _BASE:
        chunk *= base
        per_chunk += 1
    res = [0]
    n = len(values)
    i = 0
    # The first group takes the leftover digits, the others per_chunk each.
    first = n % per_chunk
    if first == 0:
        first = per_chunk
    end = first
    while i < n:
        acc = 0
        mult = 1
        while i < end:
            acc = acc * base + values[i]
            mult *= base
            i += 1
        _muladd_inplace(res, mult, acc)
        end += per_chunk
    return _normalized(res)


def _format_mag(a, digits):
    """The digits of the magnitude a (not zero) in base len(digits), as a
    list of characters, least significant first."""
    base = len(digits)
    out = []
    if base & (base - 1) == 0:
        bits = _int_bit_length(base) - 1
        acc = 0
        nacc = 0
        i = 0
        la = len(a)
        while i < la:
            acc |= a[i] << nacc
            nacc += SHIFT
            last = i == la - 1
            while (not last and nacc >= bits) or (last and acc != 0):
                out.append(digits[acc & (base - 1)])
                acc >>= bits
                nacc -= bits
            i += 1
        return out
    if base == 10:
        chunk = _DEC_CHUNK
        per_chunk = _DEC_CHUNK_DIGITS
    else:
        chunk = base
        per_chunk = 1
        while chunk * base < _BASE:
            chunk *= base
            per_chunk += 1
    work = a[:]
    size = len(work)
    while size > 0:
        rem = 0
        i = size - 1
        while i >= 0:
            cur = (rem << SHIFT) | work[i]
            d = cur // chunk
            work[i] = d
            rem = cur - d * chunk
            i -= 1
        while size > 0 and work[size - 1] == 0:
            size -= 1
        if size > 0:
            k = 0
            while k < per_chunk:
                d = rem % base
                out.append(digits[d])
                rem = rem // base
                k += 1
        else:
            while rem != 0:
                d = rem % base
                out.append(digits[d])
                rem = rem // base
    return out


# The digits of zero, shared by every zero.
_ZERO_DIGITS = [0]
NULLDIGITS = _ZERO_DIGITS


def _join_reversed(prefix_chars, out, suffix):
    out.reverse()
    return prefix_chars + "".join(out) + suffix


class rbigint(object):
    """An arbitrary-precision integer (immutable)."""

    _immutable_ = True
    _immutable_fields_ = ["_digits[*]", "sign"]

    def __init__(self, digits=NULLDIGITS, sign=0, size=0):
        # `size`, if positive, is the number of digits of `digits` to use.
        if size > 0 and size < len(digits):
            digits = digits[:size]
        digits = _normalized(digits)
        if sign == 0 or _mag_is_zero(digits):
            self._digits = _ZERO_DIGITS
            self.sign = 0
        else:
            self._digits = digits
            if sign < 0:
                self.sign = -1
            else:
                self.sign = 1

    # -- access -------------------------------------------------------------

    def get_sign(self):
        return self.sign

    def numdigits(self):
        return len(self._digits)

    def digit(self, i):
        """The i-th 31-bit digit of the magnitude (least significant first)."""
        return self._digits[i]

    # -- constructors -------------------------------------------------------

    @staticmethod
    def fromint(intval):
        if intval == 0:
            return NULLRBIGINT
        if intval > 0:
            return rbigint(_digits_of_nonneg(intval), 1)
        # -MININT does not fit a word: negate as an unsigned word.
        return rbigint(_digits_of_uint(r_uint(0) - r_uint(intval)), -1)

    @staticmethod
    def frombool(b):
        if b:
            return ONERBIGINT
        return NULLRBIGINT

    @staticmethod
    @specialize.argtype(0)
    def fromrarith_int(i):
        if i == 0:
            return NULLRBIGINT
        if i > 0:
            return rbigint(_digits_of_uint(r_uint(i)), 1)
        return rbigint(_digits_of_uint(r_uint(0) - r_uint(i)), -1)

    @staticmethod
    @not_rpython
    def fromlong(n):
        sign = 1
        if n < 0:
            sign = -1
            n = -n
        return rbigint(_digits_of_nonneg(n), sign)

    @staticmethod
    def fromfloat(dval):
        if math.isinf(dval):
            raise OverflowError("cannot convert float infinity to integer")
        if math.isnan(dval):
            raise ValueError("cannot convert float NaN to integer")
        return rbigint._fromfloat_finite(dval)

    @staticmethod
    def _fromfloat_finite(dval):
        sign = 1
        if dval < 0.0:
            sign = -1
            dval = -dval
        if dval < 4611686018427387904.0:        # 2**62
            return rbigint.fromint(int(dval) * sign)
        # Every float this large is an integer: peel 31-bit digits off its
        # bottom (fmod and the division by a power of two are exact).
        res = []
        while dval >= 1.0:
            d = math.fmod(dval, _FLOAT_BASE)
            res.append(int(d))
            dval = (dval - d) / _FLOAT_BASE
        return rbigint(res, sign)

    @staticmethod
    def fromstr(s, base=0, allow_underscores=False):
        from rpython.rlib.rstring import NumberStringParser, strip_spaces
        s = strip_spaces(s)
        end = len(s)
        if end > 0 and base < 22 and (s[end - 1] == 'l' or s[end - 1] == 'L'):
            s = s[:end - 1]
        parser = NumberStringParser(s, s, base, 'long', allow_underscores)
        return rbigint._from_numberstring_parser(parser)

    @staticmethod
    def _from_numberstring_parser(parser):
        base = parser.base
        values = []
        while True:
            d = parser.next_digit()
            if d < 0:
                break
            values.append(d)
        return rbigint(_digits_from_values(values, base), parser.sign)

    @staticmethod
    def fromdecimalstr(s):
        i = 0
        sign = 1
        if i < len(s) and s[i] == '-':
            sign = -1
            i += 1
        elif i < len(s) and s[i] == '+':
            i += 1
        values = []
        while i < len(s):
            values.append(ord(s[i]) - 48)
            i += 1
        return rbigint(_digits_from_values(values, 10), sign)

    @staticmethod
    def frombytes(s, byteorder, signed):
        if byteorder != 'big' and byteorder != 'little':
            raise InvalidEndiannessError()
        n = len(s)
        if n == 0:
            return NULLRBIGINT
        res = []
        acc = 0
        nacc = 0
        k = 0
        while k < n:
            if byteorder == 'big':
                c = ord(s[n - 1 - k])
            else:
                c = ord(s[k])
            acc |= c << nacc
            nacc += 8
            if nacc >= SHIFT:
                res.append(acc & MASK)
                acc >>= SHIFT
                nacc -= SHIFT
            k += 1
        res.append(acc)
        val = rbigint(res, 1)
        if signed:
            if byteorder == 'big':
                msb = ord(s[0])
            else:
                msb = ord(s[n - 1])
            if msb >= 0x80:
                val = val.sub(ONERBIGINT.lshift(8 * n))
        return val

    # -- conversions --------------------------------------------------------

    def toint(self):
        if len(self._digits) > 3:
            raise OverflowError("int too large to convert to a machine word")
        u = _mag_to_uint(self._digits)
        if self.sign >= 0:
            if u > r_uint(MAXINT):
                raise OverflowError("int too large to convert to a machine word")
            return intmask(u)
        if u > r_uint(MAXINT) + r_uint(1):
            raise OverflowError("int too large to convert to a machine word")
        return intmask(r_uint(0) - u)

    def tolonglong(self):
        return self.toint()

    def fits_int(self):
        try:
            self.toint()
        except OverflowError:
            return False
        return True

    def touint(self):
        if self.sign < 0:
            raise ValueError("cannot convert negative integer to unsigned int")
        return _mag_to_uint(self._digits)

    def toulonglong(self):
        return self.touint()

    def uintmask(self):
        x = _mag_to_uint_wrapped(self._digits)
        if self.sign < 0:
            return r_uint(0) - x
        return x

    def ulonglongmask(self):
        return self.uintmask()

    def tobool(self):
        return self.sign != 0

    def tofloat(self):
        if self.sign == 0:
            return 0.0
        a = self._digits
        nbits = _mag_bit_length(a)
        if nbits <= 62:
            # Exact in a word: round it directly.
            return _round_to_float(intmask(_mag_to_uint(a)), 0, self.sign < 0,
                                   "int too large to convert to float")
        shift = nbits - _FLOAT_BITS
        q = intmask(_mag_to_uint(_mag_rshift(a, shift)))
        if _mag_low_bits_nonzero(a, shift):
            q |= 1
        return _round_to_float(q, shift, self.sign < 0,
                               "int too large to convert to float")

    @not_rpython
    def tolong(self):
        res = 0
        for d in reversed(self._digits):
            res = (res << SHIFT) | d
        return res * self.sign

    def str(self, max_str_digits=0):
        if len(self._digits) <= 2:
            return str(self.toint())
        return self.format(BASE10, '', '', max_str_digits)

    def repr(self):
        return self.str() + "L"

    def format(self, digits, prefix='', suffix='', max_str_digits=0):
        if self.sign == 0:
            return prefix + digits[0] + suffix
        out = _format_mag(self._digits, digits)
        if max_str_digits > 0 and len(out) > max_str_digits:
            raise MaxIntError("too many digits in integer")
        if self.sign < 0:
            return _join_reversed('-' + prefix, out, suffix)
        return _join_reversed(prefix, out, suffix)

    def hex(self):
        return self.format(BASE16, '0x', 'L')

    def oct(self):
        if self.sign == 0:
            return '0L'
        return self.format(BASE8, '0', 'L')

    def tobytes(self, nbytes, byteorder, signed):
        if byteorder != 'big' and byteorder != 'little':
            raise InvalidEndiannessError()
        if not signed and self.sign < 0:
            raise InvalidSignednessError()
        nbits = 8 * nbytes
        if signed:
            if nbits == 0:
                if self.sign != 0:
                    raise OverflowError("int too big to convert")
            else:
                limit = ONERBIGINT.lshift(nbits - 1)
                if self.ge(limit) or self.lt(limit.neg()):
                    raise OverflowError("int too big to convert")
        elif self.bit_length() > nbits:
            raise OverflowError("int too big to convert")
        val = self
        if self.sign < 0:
            val = self.add(ONERBIGINT.lshift(nbits))
        a = val._digits
        chars = []
        acc = 0
        nacc = 0
        i = 0
        while len(chars) < nbytes:
            if nacc < 8 and i < len(a):
                acc |= a[i] << nacc
                nacc += SHIFT
                i += 1
            chars.append(chr(acc & 0xff))
            acc >>= 8
            nacc -= 8
        if byteorder == 'big':
            chars.reverse()
        return "".join(chars)

    def bit_length(self):
        if self.sign == 0:
            return 0
        return _mag_bit_length(self._digits)

    def bit_count(self):
        res = 0
        for d in self._digits:
            while d != 0:
                res += d & 1
                d >>= 1
        return res

    def hash(self):
        # The magnitude modulo 2**64 - 1: a rotation by SHIFT bits is a
        # multiplication by 2**SHIFT modulo 2**64 - 1, and a carry out of
        # the word is worth 1.
        x = r_uint(0)
        i = len(self._digits) - 1
        while i >= 0:
            x = (x << SHIFT) | (x >> (LONG_BIT - SHIFT))
            d = r_uint(self._digits[i])
            x += d
            if x < d:
                x += r_uint(1)
            i -= 1
        return intmask(intmask(x) * self.sign)

    def log(self, base):
        if self.sign <= 0:
            raise ValueError("math domain error")
        nbits = self.bit_length()
        if nbits <= 1000:
            x = self.tofloat()
            e = 0
        else:
            e = nbits - 60
            x = self.rshift(e).tofloat()
        if base == 10.0:
            return math.log10(x) + float(e) * math.log10(2.0)
        if base == 2.0:
            return math.log(x, 2.0) + float(e)
        res = math.log(x) + float(e) * math.log(2.0)
        if base != 0.0:
            res = res / math.log(base)
        return res

    # -- comparisons --------------------------------------------------------

    def _cmp(self, other):
        if self.sign != other.sign:
            if self.sign < other.sign:
                return -1
            return 1
        return _mag_cmp(self._digits, other._digits) * self.sign

    def eq(self, other):
        return self._cmp(other) == 0

    def ne(self, other):
        return self._cmp(other) != 0

    def lt(self, other):
        return self._cmp(other) < 0

    def le(self, other):
        return self._cmp(other) <= 0

    def gt(self, other):
        return self._cmp(other) > 0

    def ge(self, other):
        return self._cmp(other) >= 0

    def _int_cmp(self, iother):
        if len(self._digits) <= 2:
            # |self| < 2**62: compare as machine ints.
            v = self.toint()
            if v < iother:
                return -1
            if v > iother:
                return 1
            return 0
        return self._cmp(rbigint.fromint(iother))

    def int_eq(self, iother):
        return self._int_cmp(iother) == 0

    def int_ne(self, iother):
        return self._int_cmp(iother) != 0

    def int_lt(self, iother):
        return self._int_cmp(iother) < 0

    def int_le(self, iother):
        return self._int_cmp(iother) <= 0

    def int_gt(self, iother):
        return self._int_cmp(iother) > 0

    def int_ge(self, iother):
        return self._int_cmp(iother) >= 0

    # -- arithmetic ---------------------------------------------------------

    def _add_signed(self, odigits, osign):
        if osign == 0:
            return self
        if self.sign == 0:
            return rbigint(odigits, osign)
        if self.sign == osign:
            return rbigint(_mag_add(self._digits, odigits), osign)
        c = _mag_cmp(self._digits, odigits)
        if c == 0:
            return NULLRBIGINT
        if c > 0:
            return rbigint(_mag_sub(self._digits, odigits), self.sign)
        return rbigint(_mag_sub(odigits, self._digits), osign)

    def add(self, other):
        return self._add_signed(other._digits, other.sign)

    def sub(self, other):
        return self._add_signed(other._digits, -other.sign)

    def int_add(self, iother):
        return self.add(rbigint.fromint(iother))

    def int_sub(self, iother):
        return self.sub(rbigint.fromint(iother))

    def mul(self, other):
        if self.sign == 0 or other.sign == 0:
            return NULLRBIGINT
        return rbigint(_mag_mul(self._digits, other._digits),
                       self.sign * other.sign)

    def int_mul(self, iother):
        return self.mul(rbigint.fromint(iother))

    @staticmethod
    def add_int_int_bigint_result(a, b):
        return rbigint.fromint(a).int_add(b)

    @staticmethod
    def sub_int_int_bigint_result(a, b):
        return rbigint.fromint(a).int_sub(b)

    @staticmethod
    def mul_int_int_bigint_result(a, b):
        return rbigint.fromint(a).int_mul(b)

    @staticmethod
    def lshift_int_int_bigint_result(a, n):
        return rbigint.fromint(a).lshift(n)

    def divmod(self, other):
        if other.sign == 0:
            raise ZeroDivisionError("integer division or modulo by zero")
        if self.sign == 0:
            return NULLRBIGINT, NULLRBIGINT
        qd, rd = _mag_divrem(self._digits, other._digits)
        q = rbigint(qd, self.sign * other.sign)
        r = rbigint(rd, self.sign)
        if r.sign != 0 and self.sign != other.sign:
            # Truncated to floored: one less, and the remainder moves over.
            q = q.sub(ONERBIGINT)
            r = r.add(other)
        return q, r

    def floordiv(self, other):
        q, r = self.divmod(other)
        return q

    def div(self, other):
        return self.floordiv(other)

    def mod(self, other):
        q, r = self.divmod(other)
        return r

    def int_divmod(self, iother):
        return self.divmod(rbigint.fromint(iother))

    def int_floordiv(self, iother):
        return self.floordiv(rbigint.fromint(iother))

    def int_div(self, iother):
        return self.int_floordiv(iother)

    def int_mod(self, iother):
        return self.mod(rbigint.fromint(iother))

    def int_mod_int_result(self, iother):
        return self.int_mod(iother).toint()

    def truediv(self, other):
        if other.sign == 0:
            raise ZeroDivisionError("division by zero")
        negative = self.sign * other.sign < 0
        if self.sign == 0:
            if other.sign < 0:
                return -0.0
            return 0.0
        a = self._digits
        b = other._digits
        diff = _mag_bit_length(a) - _mag_bit_length(b)
        # |self / other| is in (2**(diff-1), 2**(diff+1)).
        if diff > 1025:
            raise OverflowError("integer division result too large for a float")
        if diff < -1077:
            if negative:
                return -0.0
            return 0.0
        # Scale so that the quotient has 55 or 56 bits.
        shift = _FLOAT_BITS - diff
        if shift >= 0:
            a = _mag_lshift(a, shift)
        else:
            b = _mag_lshift(b, -shift)
        qd, rd = _mag_divrem(a, b)
        q = intmask(_mag_to_uint(qd))
        if not _mag_is_zero(rd):
            q |= 1
        return _round_to_float(q, -shift, negative,
                               "integer division result too large for a float")

    def pow(self, other, modulus=None):
        if other.sign < 0:
            if modulus is not None:
                raise TypeError("pow() 2nd argument cannot be negative when "
                                "3rd argument specified")
            raise ValueError("bigint pow() too negative")
        negative_output = False
        base = self
        if modulus is not None:
            if modulus.sign == 0:
                raise ValueError("pow() 3rd argument cannot be 0")
            if modulus.sign < 0:
                negative_output = True
                modulus = modulus.neg()
            if modulus.int_eq(1):
                return NULLRBIGINT
            base = self.mod(modulus)
        res = ONERBIGINT
        i = other.bit_length() - 1
        e = other._digits
        while i >= 0:
            res = res.mul(res)
            if modulus is not None:
                res = res.mod(modulus)
            word = i // SHIFT
            if (e[word] >> (i - word * SHIFT)) & 1:
                res = res.mul(base)
                if modulus is not None:
                    res = res.mod(modulus)
            i -= 1
        if negative_output and res.sign != 0:
            res = res.sub(modulus)
        return res

    def int_pow(self, iother, modulus=None):
        return self.pow(rbigint.fromint(iother), modulus)

    def neg(self):
        if self.sign == 0:
            return self
        return rbigint(self._digits, -self.sign)

    def abs(self):
        if self.sign >= 0:
            return self
        return rbigint(self._digits, 1)

    def invert(self):
        # ~x == -(x + 1)
        return self.add(ONERBIGINT).neg()

    def lshift(self, n):
        if n < 0:
            raise ValueError("negative shift count")
        if n == 0 or self.sign == 0:
            return self
        return rbigint(_mag_lshift(self._digits, n), self.sign)

    def lqshift(self, n):
        return self.lshift(n)

    def rshift(self, n, dont_invert=False):
        if n < 0:
            raise ValueError("negative shift count")
        if n == 0 or self.sign == 0:
            return self
        if self.sign < 0 and not dont_invert:
            # Floor: x >> n == ~(~x >> n), and ~x >= 0 here.
            return self.invert().rshift(n).invert()
        return rbigint(_mag_rshift(self._digits, n), self.sign)

    def rqshift(self, n):
        return self.rshift(n)

    def and_(self, other):
        return _bitwise(self, 0, other)

    def or_(self, other):
        return _bitwise(self, 1, other)

    def xor(self, other):
        return _bitwise(self, 2, other)

    def int_and_(self, iother):
        return self.and_(rbigint.fromint(iother))

    def int_or_(self, iother):
        return self.or_(rbigint.fromint(iother))

    def int_xor(self, iother):
        return self.xor(rbigint.fromint(iother))

    def gcd(self, other):
        a = self.abs()
        b = other.abs()
        while b.sign != 0:
            a, b = b, a.mod(b)
        return a

    def isqrt(self):
        if self.sign < 0:
            raise ValueError("isqrt() argument must be nonnegative")
        if self.sign == 0:
            return NULLRBIGINT
        # Newton's iteration from a power of two above the root.
        x = ONERBIGINT.lshift((self.bit_length() + 1) // 2)
        while True:
            y = x.add(self.floordiv(x)).rshift(1)
            if y.ge(x):
                return x
            x = y

    def __repr__(self):
        return "<rbigint %s>" % (self.str(),)


NULLRBIGINT = rbigint(_ZERO_DIGITS, 0)
ONERBIGINT = rbigint([1], 1)
ONENEGATIVERBIGINT = rbigint([1], -1)
