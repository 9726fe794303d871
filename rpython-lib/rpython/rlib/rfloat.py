"""Float helpers of RPython: classification, formatting, rounding.

Provides ``INFINITY``, ``NAN``, ``isinf``, ``isnan``, ``isfinite``,
``copysign``, the ``DTSF_*`` flags, ``formatd(x, code, precision, flags=0)``,
``double_to_string`` (with the ``DIST_*`` kinds), ``round_double(value,
ndigits, half_even=False)`` and ``string_to_float``.

``string_to_float`` parses a float literal itself (correctly rounded, in
plain RPython), raising ``rstring.ParseStringError``.

``formatd`` gives the same text as CPython's ``PyOS_double_to_string``:
``code`` is ``'e'``, ``'f'``, ``'g'`` (or upper case) with ``precision``
digits, or ``'r'`` for the shortest repr (precision ignored); flags are
``DTSF_SIGN`` (always write a sign), ``DTSF_ADD_DOT_0`` (write ``1.0``, not
``1``, for an integral value without exponent), ``DTSF_ALT`` (the ``#``
form: keep the point and, for ``'g'``, trailing zeros) and
``DTSF_CUT_EXP_0`` (no zero padding of the exponent: ``1e+5``, not
``1e+05``).  So ``formatd(x, 'g', 6)`` is ``format(x, '.6g')`` and
``formatd(x, 'r', 0, DTSF_ADD_DOT_0)`` is ``repr(x)``.

The digits are produced by our own exact method, in plain RPython: the
float is decomposed into ``m * 2**e`` with float operations that are exact
(scaling by powers of two), its decimal expansion is computed exactly with
a small big-number routine (a list of base-10**9 limbs multiplied by powers
of 2 or 5), then rounded half-even at the requested digit, which is what
a correctly rounding ``printf`` does.  ``'r'`` reads the digits of
``str(x)`` (the shortest repr, in CPython as in the translated program).
``round_double`` rounds the exact value the same way (half away from zero
unless ``half_even``) and converts the decimal result back to the nearest
float: a float approximation, corrected one unit in the last place at a time
by comparing the decimal exactly with the midpoints between neighbouring
floats.
"""

from rpython.rlib.rstring import ParseStringError, strip_spaces

INFINITY = float("inf")
NAN = float("nan")

DTSF_STR_PRECISION = 12

DTSF_SIGN = 0x1
DTSF_ADD_DOT_0 = 0x2
DTSF_ALT = 0x4
DTSF_CUT_EXP_0 = 0x8

DIST_FINITE = 1
DIST_NAN = 2
DIST_INFINITY = 3

INVALID_MSG = "invalid literal for float()"


def isinf(x):
    """True if x is an infinity."""
    return x == INFINITY or x == -INFINITY


def isnan(x):
    """True if x is a NaN."""
    return x != x


def isfinite(x):
    """True if x is neither an infinity nor a NaN."""
    return x - x == 0.0


def _signbit(x):
    """True if the sign bit of x is set (-0.0 included; False for NaN)."""
    if x < 0.0:
        return True
    if x > 0.0:
        return False
    if x != x:
        return False
    # a zero: only its text tells the sign apart
    s = str(x)
    return s[0] == '-'


def copysign(x, y):
    """x with the sign of y."""
    if x != x:
        return x
    if x < 0.0 or (x == 0.0 and _signbit(x)):
        mag = -x
    else:
        mag = x
    if _signbit(y):
        return -mag
    return mag


# ---------------------------------------------------------------------------
# Exact decimal expansion

_BASE = 1000000000          # limbs of 9 decimal digits
_POW5_13 = 1220703125       # 5**13: limb * this stays below 2**63
_POW2_30 = 1073741824       # 2**30
_TWO52 = 4503599627370496.0
_TWO53 = 9007199254740992.0
_TWO64 = 18446744073709551616.0
_TWO_M64 = 1.0 / 18446744073709551616.0
_ZEROS = "000000000"


def _float_me(x):
    """(m, e) with x == m * 2**e for a finite x > 0.0: 2**52 <= m < 2**53,
    or e == -1074 and m < 2**52 for a subnormal x."""
    e = 0
    while x >= _TWO53 * _TWO64:
        x = x * _TWO_M64
        e += 64
    while x >= _TWO53:
        x = x * 0.5
        e += 1
    while x * _TWO64 < _TWO52:
        x = x * _TWO64
        e -= 64
    while x < _TWO52:
        x = x * 2.0
        e -= 1
    m = int(x)
    if e < -1074:
        m = m >> (-1074 - e)
        e = -1074
    return m, e


def _me_float(m, e):
    """The float m * 2**e, which must be representable (0 <= m < 2**53)."""
    f = float(m)
    while e >= 64:
        f = f * _TWO64
        e -= 64
    while e > 0:
        f = f * 2.0
        e -= 1
    while e <= -64:
        f = f * _TWO_M64
        e += 64
    while e < 0:
        f = f * 0.5
        e += 1
    return f


def _decompose(x):
    """(m, e) with x == m * 2**e, m an odd int, for a finite x > 0.0."""
    m, e = _float_me(x)
    while m & 1 == 0:
        m = m >> 1
        e += 1
    return m, e


def _big_mul_small(limbs, k):
    carry = 0
    i = 0
    n = len(limbs)
    while i < n:
        t = limbs[i] * k + carry
        limbs[i] = t % _BASE
        carry = t // _BASE
        i += 1
    while carry > 0:
        limbs.append(carry % _BASE)
        carry = carry // _BASE


def _big_to_str(limbs):
    pieces = []
    i = len(limbs) - 1
    pieces.append(str(limbs[i]))
    i -= 1
    while i >= 0:
        s = str(limbs[i])
        pieces.append(_ZEROS[len(s):])
        pieces.append(s)
        i -= 1
    return "".join(pieces)


def _strip_zeros(ds):
    """ds without trailing '0's."""
    n = len(ds)
    while n > 0 and ds[n - 1] == '0':
        n -= 1
    return ds[0:n]


def _exact_digits(x):
    """(digits, decpt): x == 0.digits * 10**decpt exactly, for a finite x > 0,
    without leading or trailing zeros in digits."""
    m, e = _decompose(x)
    return _me_digits(m, e)


def _me_digits(m, e):
    """(digits, decpt) of the number m * 2**e (m > 0), exactly."""
    limbs = []
    while m > 0:
        limbs.append(m % _BASE)
        m = m // _BASE
    shift = 0
    if e >= 0:
        k = e
        while k >= 30:
            _big_mul_small(limbs, _POW2_30)
            k -= 30
        if k > 0:
            _big_mul_small(limbs, 1 << k)
    else:
        k = -e
        shift = k
        while k >= 13:
            _big_mul_small(limbs, _POW5_13)
            k -= 13
        p = 1
        while k > 0:
            p = p * 5
            k -= 1
        if p > 1:
            _big_mul_small(limbs, p)
    ds = _big_to_str(limbs)
    decpt = len(ds) - shift
    return _strip_zeros(ds), decpt


def _round_digits(ds, decpt, ndig, half_even):
    """Round 0.ds * 10**decpt to its first ndig digits (ndig may be <= 0).

    Ties go to the even digit if half_even, else away from zero.  Returns
    (digits, decpt) without trailing zeros; digits is "" for zero.
    """
    n = len(ds)
    if ndig >= n:
        return ds, decpt
    if ndig < 0:
        return "", decpt
    d = ds[ndig]
    if d > '5':
        up = True
    elif d < '5':
        up = False
    elif ndig + 1 < n:
        up = True           # more non-zero digits follow (no trailing zeros)
    elif not half_even:
        up = True
    elif ndig == 0:
        up = False          # the digit before is an implicit 0: even
    else:
        last = ord(ds[ndig - 1]) - ord('0')
        up = (last & 1) == 1
    if not up:
        return _strip_zeros(ds[0:ndig]), decpt
    # increment the kept digits
    i = ndig - 1
    while i >= 0 and ds[i] == '9':
        i -= 1
    if i < 0:
        return "1", decpt + 1
    bumped = chr(ord(ds[i]) + 1)
    return ds[0:i] + bumped, decpt


def _repr_digits(x):
    """(digits, decpt) of the shortest repr of a finite x > 0.0."""
    s = str(x)
    n = len(s)
    i = 0
    pieces = []
    decpt = 0
    seen_point = False
    while i < n:
        c = s[i]
        if c == '.':
            seen_point = True
        elif c == 'e' or c == 'E':
            break
        else:
            pieces.append(c)
            if not seen_point:
                decpt += 1
        i += 1
    exp = 0
    if i < n:
        i += 1
        neg = False
        if s[i] == '-':
            neg = True
            i += 1
        elif s[i] == '+':
            i += 1
        while i < n:
            exp = exp * 10 + (ord(s[i]) - ord('0'))
            i += 1
        if neg:
            exp = -exp
    ds = "".join(pieces)
    # drop leading zeros
    j = 0
    while j < len(ds) and ds[j] == '0':
        j += 1
        decpt -= 1
    ds = _strip_zeros(ds[j:len(ds)])
    return ds, decpt + exp


# ---------------------------------------------------------------------------
# Formatting

def _exponent(exp, upper, flags):
    pieces = []
    if upper:
        pieces.append('E')
    else:
        pieces.append('e')
    if exp < 0:
        pieces.append('-')
        exp = -exp
    else:
        pieces.append('+')
    digits = str(exp)
    if len(digits) < 2 and not (flags & DTSF_CUT_EXP_0):
        pieces.append('0')
    pieces.append(digits)
    return "".join(pieces)


def _zeros(n):
    if n <= 0:
        return ""
    return '0' * n


def _fixed(ds, decpt, nfrac, alt):
    """The digits 0.ds * 10**decpt written without exponent, with nfrac
    digits after the point (ds already has no more significant digits)."""
    pieces = []
    n = len(ds)
    if decpt <= 0:
        pieces.append('0')
    elif decpt >= n:
        pieces.append(ds)
        pieces.append(_zeros(decpt - n))
    else:
        pieces.append(ds[0:decpt])
    if nfrac > 0:
        pieces.append('.')
        frac = []
        if decpt < 0:
            frac.append(_zeros(-decpt))
            frac.append(ds)
        elif decpt < n:
            frac.append(ds[decpt:n])
        f = "".join(frac)
        if len(f) > nfrac:
            f = f[0:nfrac]
        pieces.append(f)
        pieces.append(_zeros(nfrac - len(f)))
    elif alt:
        pieces.append('.')
    return "".join(pieces)


def _mantissa(ds, ndigits_after, alt):
    """d.ddd: the first digit of ds, the point and ndigits_after more."""
    pieces = [ds[0]]
    rest = ds[1:len(ds)]
    if ndigits_after > 0:
        pieces.append('.')
        if len(rest) > ndigits_after:
            rest = rest[0:ndigits_after]
        pieces.append(rest)
        pieces.append(_zeros(ndigits_after - len(rest)))
    elif alt:
        pieces.append('.')
    return "".join(pieces)


def formatd(x, code, precision, flags=0):
    """Format the float x as CPython's ``format(x, '.<precision><code>')``
    does, for code 'e', 'f', 'g' (or 'E', 'F', 'G') and 'r' (the shortest
    repr; precision ignored); see the module doc for the flags."""
    upper = False
    if code == 'E' or code == 'F' or code == 'G':
        upper = True
        if code == 'E':
            code = 'e'
        elif code == 'F':
            code = 'f'
        else:
            code = 'g'
    if not (code == 'e' or code == 'f' or code == 'g' or code == 'r'):
        raise ValueError("formatd: invalid format code")
    if precision < 0:
        raise ValueError("formatd: negative precision")
    negative = _signbit(x)
    if negative:
        sign = "-"
    elif flags & DTSF_SIGN:
        sign = "+"
    else:
        sign = ""
    if x != x:
        if upper:
            return sign + "NAN"
        return sign + "nan"
    if isinf(x):
        if upper:
            return sign + "INF"
        return sign + "inf"
    alt = (flags & DTSF_ALT) != 0
    add_dot_0 = (flags & DTSF_ADD_DOT_0) != 0
    if negative:
        x = -x
    # the exact digits, or those of the shortest repr
    if x == 0.0:
        ds = ""
        decpt = 1
    elif code == 'r':
        ds, decpt = _repr_digits(x)
    else:
        ds, decpt = _exact_digits(x)

    if code == 'e':
        ds, decpt = _round_digits(ds, decpt, precision + 1, True)
        if ds == "":
            ds = "0"
            decpt = 1
        body = _mantissa(ds, precision, alt) + _exponent(decpt - 1, upper, flags)
        return sign + body

    if code == 'f':
        ds, decpt = _round_digits(ds, decpt, decpt + precision, True)
        if ds == "":
            ds = "0"
            decpt = 1
        nfrac = precision
        if nfrac == 0 and add_dot_0:
            nfrac = 1
        return sign + _fixed(ds, decpt, nfrac, alt)

    if code == 'g':
        p = precision
        if p == 0:
            p = 1
        ds, decpt = _round_digits(ds, decpt, p, True)
        limit = p
        if add_dot_0:
            limit = p - 1
    else:
        p = 17
        limit = 16
    if ds == "":
        ds = "0"
        decpt = 1
    if decpt <= -4 or decpt > limit:
        if code == 'g' and alt:
            after = p - 1
        else:
            after = len(ds) - 1
        body = _mantissa(ds, after, alt) + _exponent(decpt - 1, upper, flags)
        return sign + body
    if code == 'g' and alt:
        nfrac = p - decpt
    else:
        nfrac = len(ds) - decpt
    if nfrac < 0:
        nfrac = 0
    if nfrac == 0 and add_dot_0:
        nfrac = 1
    return sign + _fixed(ds, decpt, nfrac, alt)


def double_to_string(value, tp, precision, flags):
    """(formatd(value, tp, precision, flags), kind) with kind one of
    DIST_FINITE, DIST_NAN, DIST_INFINITY."""
    if value != value:
        special = DIST_NAN
    elif isinf(value):
        special = DIST_INFINITY
    else:
        special = DIST_FINITE
    return formatd(value, tp, precision, flags), special


# ---------------------------------------------------------------------------
# Rounding

_POWERS_OF_10 = [1.0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
                 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
                 1e21, 1e22]

_M_MIN = 4503599627370496           # 2**52
_M_MAX = 9007199254740991           # 2**53 - 1
_E_MAX = 971                        # DBL_MAX == _M_MAX * 2**_E_MAX


def _cmp_digits(ds1, decpt1, ds2, decpt2):
    """Compare 0.ds1 * 10**decpt1 with 0.ds2 * 10**decpt2 (both > 0, digits
    without leading or trailing zeros): -1, 0 or 1."""
    if decpt1 != decpt2:
        if decpt1 < decpt2:
            return -1
        return 1
    n1 = len(ds1)
    n2 = len(ds2)
    i = 0
    while i < n1 and i < n2:
        if ds1[i] != ds2[i]:
            if ds1[i] < ds2[i]:
                return -1
            return 1
        i += 1
    if n1 == n2:
        return 0
    if n1 < n2:
        return -1
    return 1


def _cmp_midpoint(ds, decpt, m1, e1, m2, e2):
    """Compare the decimal 0.ds * 10**decpt with the midpoint of the floats
    m1 * 2**e1 < m2 * 2**e2."""
    emin = e1
    if e2 < emin:
        emin = e2
    total = (m1 << (e1 - emin)) + (m2 << (e2 - emin))
    mds, mdecpt = _me_digits(total, emin - 1)
    return _cmp_digits(ds, decpt, mds, mdecpt)


def _approx(ds, decpt):
    """A float near 0.ds * 10**decpt (within a few units in the last place,
    or an infinity or zero near the ends of the range)."""
    n = 0
    i = 0
    while i < len(ds) and i < 17:
        n = n * 10 + (ord(ds[i]) - ord('0'))
        i += 1
    k = decpt - i
    f = float(n)
    if i == len(ds) and i <= 15 and k >= -22 and k <= 22:
        # both factors are exact: one correctly rounded operation
        if k >= 0:
            return f * _POWERS_OF_10[k]
        return f / _POWERS_OF_10[-k]
    while k >= 22:
        f = f * 1e22
        k -= 22
    if k > 0:
        f = f * _POWERS_OF_10[k]
    while k <= -22:
        f = f / 1e22
        k += 22
    if k < 0:
        f = f / _POWERS_OF_10[-k]
    return f


def _decimal_to_float(ds, decpt):
    """The float nearest to 0.ds * 10**decpt (ds non-empty digits without
    leading or trailing zeros), ties to even; INFINITY if too large."""
    if decpt > 310:
        return INFINITY
    if decpt < -330:
        return 0.0
    f = _approx(ds, decpt)
    if len(ds) <= 15 and decpt - len(ds) >= -22 and decpt - len(ds) <= 22:
        return f
    if isinf(f):
        m = _M_MAX
        e = _E_MAX
    elif f == 0.0:
        m = 0
        e = -1074
    else:
        m, e = _float_me(f)
    # move by one unit in the last place until the decimal lies within
    # half a unit of m * 2**e
    while True:
        if m == _M_MAX:
            mu = _M_MIN
            eu = e + 1
        else:
            mu = m + 1
            eu = e
        c = _cmp_midpoint(ds, decpt, m, e, mu, eu)
        if c > 0 or (c == 0 and (m & 1) == 1):
            if eu > _E_MAX:
                return INFINITY
            m = mu
            e = eu
            continue
        if m == 0:
            break
        if m == _M_MIN and e > -1074:
            md = _M_MAX
            ed = e - 1
        else:
            md = m - 1
            ed = e
        if md == 0:
            c = _cmp_midpoint(ds, decpt, 0, ed, m, e)
        else:
            c = _cmp_midpoint(ds, decpt, md, ed, m, e)
        if c < 0 or (c == 0 and (m & 1) == 1):
            m = md
            e = ed
            continue
        break
    return _me_float(m, e)


def round_double(value, ndigits, half_even=False):
    """value rounded to ndigits decimal digits after the point (ndigits may
    be negative), on its exact decimal value: ties away from zero (Python 2's
    round) or, if half_even, to even (Python 3's).  Raises OverflowError if
    the rounded value is too large for a float."""
    if value != value or isinf(value) or value == 0.0:
        return value
    negative = value < 0.0
    x = value
    if negative:
        x = -value
    ds, decpt = _exact_digits(x)
    ndig = decpt + ndigits
    if ndig >= len(ds):
        return value
    ds, decpt = _round_digits(ds, decpt, ndig, half_even)
    if ds == "":
        return value * 0.0      # a zero of the sign of value
    result = _decimal_to_float(ds, decpt)
    if isinf(result):
        raise OverflowError("rounded value too large to represent")
    if negative:
        return -result
    return result


def _lower_equals(s, start, word):
    """s[start:] == word, ignoring the case of ASCII letters."""
    if len(s) - start != len(word):
        return False
    i = 0
    while i < len(word):
        c = s[start + i]
        if 'A' <= c and c <= 'Z':
            c = chr(ord(c) + 32)
        if c != word[i]:
            return False
        i += 1
    return True


def string_to_float(s):
    """The float value of the literal s (spaces around it allowed; also
    "inf", "infinity", "nan" in any case, with a sign), correctly rounded.
    Raises rstring.ParseStringError for an invalid literal."""
    s = strip_spaces(s)
    n = len(s)
    i = 0
    negative = False
    if i < n and (s[i] == '+' or s[i] == '-'):
        negative = s[i] == '-'
        i += 1
    if _lower_equals(s, i, "inf") or _lower_equals(s, i, "infinity"):
        if negative:
            return -INFINITY
        return INFINITY
    if _lower_equals(s, i, "nan"):
        return NAN
    digits = []
    ndigits = 0
    decpt = 0
    seen_point = False
    while i < n:
        c = s[i]
        if '0' <= c and c <= '9':
            digits.append(c)
            ndigits += 1
            if not seen_point:
                decpt += 1
        elif c == '.' and not seen_point:
            seen_point = True
        else:
            break
        i += 1
    if ndigits == 0:
        raise ParseStringError(INVALID_MSG)
    if i < n and (s[i] == 'e' or s[i] == 'E'):
        i += 1
        exp_negative = False
        if i < n and (s[i] == '+' or s[i] == '-'):
            exp_negative = s[i] == '-'
            i += 1
        if i >= n:
            raise ParseStringError(INVALID_MSG)
        exp = 0
        while i < n and '0' <= s[i] and s[i] <= '9':
            if exp < 100000:
                exp = exp * 10 + (ord(s[i]) - ord('0'))
            i += 1
        if exp_negative:
            exp = -exp
        decpt += exp
    if i != n:
        raise ParseStringError(INVALID_MSG)
    ds = "".join(digits)
    j = 0
    while j < len(ds) and ds[j] == '0':
        j += 1
        decpt -= 1
    ds = _strip_zeros(ds[j:len(ds)])
    if ds == "":
        result = 0.0
    else:
        result = _decimal_to_float(ds, decpt)
    if negative:
        return -result
    return result
