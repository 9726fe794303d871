"""String helpers of RPython: builders, splitting, replacing, number parsing.

Provides:

* ``StringBuilder`` and ``UnicodeBuilder``: accumulate pieces and ``build()``
  the result (``append``, ``append_slice``, ``append_multiple_char``,
  ``append_char``, ``getlength``, ``build``).  In this Python 3 port both
  build ``str``; they are separate classes so that a program can keep using
  the names it knows.
* ``split(value, by=None, maxsplit=-1)`` and ``rsplit(...)``, ``replace(input,
  sub, by, maxcount=-1)``, ``find``/``rfind``/``count``/``startswith``/
  ``endswith`` with explicit bounds, ``strip_spaces``: the semantics of the
  ``str`` methods of the same names, where "whitespace" means the six ASCII
  whitespace characters (space, ``\\t``, ``\\n``, ``\\r``, ``\\v``, ``\\f``).
* ``ParseStringError`` (attribute ``msg``), ``ParseStringOverflowError``
  (attribute ``parser``), ``InvalidBaseError`` and ``NumberStringParser``, the
  digit reader used by ``rarithmetic.string_to_int``, and ``string_to_int`` itself.
* ``assert_str0``/``check_str0``: hints that a string holds no NUL character.

Everything here is ordinary RPython code, written with indexing, slicing,
``len``, ``+``, comparisons and ``"".join`` only, so the translator handles
it like the program's own code.  It and ``rpython.rlib.rarithmetic`` import
each other at their ends.
"""

INIT_SIZE = 100

# A bound larger than any string, for the optional `end` arguments.
_MAXLEN = (1 << 62)


# ---------------------------------------------------------------------------
# Builders

class AbstractStringBuilder(object):
    """Accumulates strings; ``build()`` returns their concatenation.

    The pieces are kept in a list of ``str`` with a running length; ``build``
    joins them once and keeps the result as the only piece, so the builder
    stays usable after ``build``.
    """

    def __init__(self, init_size=INIT_SIZE):
        # init_size is only a hint for the translated program's allocator.
        self._pieces = []
        self._length = 0

    def append(self, s):
        """Append the string (or character) s."""
        self._pieces.append(s)
        self._length += len(s)

    def append_char(self, c):
        """Append the single character c."""
        self._pieces.append(c)
        self._length += 1

    def append_slice(self, s, start, end):
        """Append s[start:end] (0 <= start <= end <= len(s))."""
        assert 0 <= start <= end <= len(s)
        if start < end:
            piece = s[start:end]
            self._pieces.append(piece)
            self._length += end - start

    def append_multiple_char(self, c, times):
        """Append the character c, `times` times."""
        if times > 0:
            self._pieces.append(c * times)
            self._length += times

    def getlength(self):
        """The length of the string built so far."""
        return self._length

    def build(self):
        """The concatenation of everything appended so far."""
        pieces = self._pieces
        if len(pieces) == 0:
            return ""
        if len(pieces) == 1:
            return pieces[0]
        result = "".join(pieces)
        self._pieces = [result]
        return result


class StringBuilder(AbstractStringBuilder):
    """Builds a (byte) string; a ``str`` in this Python 3 port."""


class UnicodeBuilder(AbstractStringBuilder):
    """Builds a unicode string; a ``str`` in this Python 3 port."""


# ---------------------------------------------------------------------------
# Searching

def _isspace(c):
    return (c == ' ' or c == '\t' or c == '\n' or c == '\r' or c == '\x0b'
            or c == '\x0c')


def _clip(value, start, end):
    """Python's slice-index normalisation of (start, end) for a string."""
    n = len(value)
    if end > n:
        end = n
    elif end < 0:
        end += n
        if end < 0:
            end = 0
    if start < 0:
        start += n
        if start < 0:
            start = 0
    return start, end


def _match_at(value, other, i):
    m = len(other)
    j = 0
    while j < m:
        if value[i + j] != other[j]:
            return False
        j += 1
    return True


def _find(value, other, start, end):
    # start, end already clipped
    m = len(other)
    last = end - m
    i = start
    while i <= last:
        if _match_at(value, other, i):
            return i
        i += 1
    return -1


def _rfind(value, other, start, end):
    m = len(other)
    i = end - m
    while i >= start:
        if _match_at(value, other, i):
            return i
        i -= 1
    return -1


def find(value, other, start=0, end=_MAXLEN):
    """value.find(other, start, end)."""
    start, end = _clip(value, start, end)
    if start > end:
        return -1
    return _find(value, other, start, end)


def rfind(value, other, start=0, end=_MAXLEN):
    """value.rfind(other, start, end)."""
    start, end = _clip(value, start, end)
    if start > end:
        return -1
    return _rfind(value, other, start, end)


def count(value, other, start=0, end=_MAXLEN):
    """value.count(other, start, end): non-overlapping occurrences."""
    start, end = _clip(value, start, end)
    if start > end:
        return 0
    m = len(other)
    if m == 0:
        return end - start + 1
    n = 0
    i = _find(value, other, start, end)
    while i >= 0:
        n += 1
        i = _find(value, other, i + m, end)
    return n


def startswith(value, prefix, start=0, end=_MAXLEN):
    """value.startswith(prefix, start, end) for one prefix."""
    start, end = _clip(value, start, end)
    if end - start < len(prefix):
        return False
    return _match_at(value, prefix, start)


def endswith(value, suffix, start=0, end=_MAXLEN):
    """value.endswith(suffix, start, end) for one suffix."""
    start, end = _clip(value, start, end)
    if end - start < len(suffix):
        return False
    return _match_at(value, suffix, end - len(suffix))


def strip_spaces(s):
    """s without leading and trailing whitespace."""
    p = 0
    q = len(s)
    while p < q and _isspace(s[p]):
        p += 1
    while p < q and _isspace(s[q - 1]):
        q -= 1
    assert q >= p
    return s[p:q]


# ---------------------------------------------------------------------------
# Splitting and replacing

def _reverse(lst):
    i = 0
    j = len(lst) - 1
    while i < j:
        x = lst[i]
        lst[i] = lst[j]
        lst[j] = x
        i += 1
        j -= 1


def split(value, by=None, maxsplit=-1):
    """value.split(by, maxsplit)."""
    res = []
    if by is None:
        length = len(value)
        i = 0
        while True:
            # skip whitespace
            while i < length and _isspace(value[i]):
                i += 1
            if i == length:
                break
            if maxsplit == 0:
                res.append(value[i:length])
                break
            j = i + 1
            while j < length and not _isspace(value[j]):
                j += 1
            res.append(value[i:j])
            if maxsplit > 0:
                maxsplit -= 1
            i = j
        return res
    m = len(by)
    if m == 0:
        raise ValueError("empty separator")
    start = 0
    length = len(value)
    while maxsplit != 0:
        nxt = _find(value, by, start, length)
        if nxt < 0:
            break
        res.append(value[start:nxt])
        start = nxt + m
        if maxsplit > 0:
            maxsplit -= 1
    res.append(value[start:length])
    return res


def rsplit(value, by=None, maxsplit=-1):
    """value.rsplit(by, maxsplit)."""
    res = []
    if by is None:
        i = len(value) - 1
        while True:
            while i >= 0 and _isspace(value[i]):
                i -= 1
            if i < 0:
                break
            if maxsplit == 0:
                res.append(value[0:i + 1])
                break
            j = i - 1
            while j >= 0 and not _isspace(value[j]):
                j -= 1
            res.append(value[j + 1:i + 1])
            if maxsplit > 0:
                maxsplit -= 1
            i = j
        _reverse(res)
        return res
    m = len(by)
    if m == 0:
        raise ValueError("empty separator")
    end = len(value)
    while maxsplit != 0:
        nxt = _rfind(value, by, 0, end)
        if nxt < 0:
            break
        res.append(value[nxt + m:end])
        end = nxt
        if maxsplit > 0:
            maxsplit -= 1
    res.append(value[0:end])
    _reverse(res)
    return res


def replace(input, sub, by, maxcount=-1):
    """input.replace(sub, by, maxcount)."""
    if maxcount == 0:
        return input
    length = len(input)
    m = len(sub)
    pieces = []
    if m == 0:
        # insert `by` before every character and at the end
        i = 0
        while i <= length and maxcount != 0:
            pieces.append(by)
            if i < length:
                pieces.append(input[i])
            i += 1
            if maxcount > 0:
                maxcount -= 1
        if i < length:
            pieces.append(input[i:length])
        return "".join(pieces)
    start = 0
    found = False
    while maxcount != 0:
        nxt = _find(input, sub, start, length)
        if nxt < 0:
            break
        found = True
        pieces.append(input[start:nxt])
        pieces.append(by)
        start = nxt + m
        if maxcount > 0:
            maxcount -= 1
    if not found:
        return input
    pieces.append(input[start:length])
    return "".join(pieces)


# ---------------------------------------------------------------------------
# NUL checks

def assert_str0(s):
    """Hint that s contains no NUL character; returns s."""
    return s


def check_str0(s):
    """Check (with an assert) that s contains no NUL character; returns s."""
    i = 0
    while i < len(s):
        assert s[i] != '\x00'
        i += 1
    return s


# ---------------------------------------------------------------------------
# Parsing numbers

class ParseStringError(Exception):
    """A string could not be parsed as a number; ``msg`` says why."""

    def __init__(self, msg):
        self.msg = msg

    def __str__(self):
        return self.msg


class InvalidBaseError(ParseStringError):
    """The base given for parsing a number is not 0 or 2..36."""


class ParseStringOverflowError(Exception):
    """The number parsed does not fit in a machine word.

    ``parser`` is the ``NumberStringParser`` positioned where it stopped, so
    that a caller can parse the number again as a big integer.
    """

    def __init__(self, parser):
        self.parser = parser


def _digit_value(c):
    if '0' <= c <= '9':
        return ord(c) - ord('0')
    if 'a' <= c <= 'z':
        return ord(c) - ord('a') + 10
    if 'A' <= c <= 'Z':
        return ord(c) - ord('A') + 10
    return 99


class NumberStringParser(object):
    """Reads the digits of an integer literal one by one.

    ``NumberStringParser(s, literal, base, fname)`` skips whitespace, reads
    the sign (``self.sign`` is 1 or -1) and, when ``base`` allows it, the
    ``0x``/``0o``/``0b`` prefix (base 0 also reads a leading ``0`` as octal,
    unless ``no_implicit_octal``), and sets ``self.base``.  Then
    ``next_digit()`` returns the value of each digit, or -1 at the end;
    invalid characters raise ``ParseStringError``.  ``rewind()`` starts the
    digits again.
    """

    def __init__(self, s, literal, base, fname, allow_underscores=False,
                 no_implicit_octal=False):
        self.fname = fname
        self.literal = literal
        self.original_base = base
        self.allow_underscores = allow_underscores
        if base != 0 and (base < 2 or base > 36):
            raise InvalidBaseError(fname + "() base must be >= 2 and <= 36")
        s = strip_spaces(s)
        self.s = s
        self.n = len(s)
        i = 0
        sign = 1
        if i < self.n and s[i] == '-':
            sign = -1
            i += 1
        elif i < self.n and s[i] == '+':
            i += 1
        self.sign = sign
        prefixed = False
        if self.n - i >= 2 and s[i] == '0':
            c = s[i + 1]
            if (c == 'x' or c == 'X') and (base == 0 or base == 16):
                base = 16
                prefixed = True
            elif (c == 'o' or c == 'O') and (base == 0 or base == 8):
                base = 8
                prefixed = True
            elif (c == 'b' or c == 'B') and (base == 0 or base == 2):
                base = 2
                prefixed = True
        if prefixed:
            i += 2
            if allow_underscores and i < self.n and s[i] == '_':
                i += 1
        elif base == 0:
            if i < self.n and s[i] == '0' and self.n - i > 1:
                if no_implicit_octal:
                    # only zeros (and underscores) are allowed after a 0
                    j = i
                    while j < self.n:
                        if s[j] != '0' and not (allow_underscores and s[j] == '_'):
                            self.error()
                        j += 1
                    base = 10
                else:
                    base = 8
            else:
                base = 10
        self.base = base
        self.start = i
        self.i = i
        if i >= self.n:
            self.error()
        self.last_was_underscore = False

    def error(self):
        """Raise the ParseStringError for this literal."""
        raise ParseStringError("invalid literal for " + self.fname +
                               "() with base " + str(self.original_base))

    def rewind(self):
        """Read the digits again from the first one."""
        self.i = self.start
        self.last_was_underscore = False

    def next_digit(self):
        """The value of the next digit, or -1 after the last one."""
        if self.i >= self.n:
            if self.last_was_underscore:
                self.error()
            return -1
        c = self.s[self.i]
        if c == '_' and self.allow_underscores:
            if self.last_was_underscore or self.i == self.start:
                self.error()
            self.last_was_underscore = True
            self.i += 1
            if self.i >= self.n:
                self.error()
            c = self.s[self.i]
        else:
            self.last_was_underscore = False
        d = _digit_value(c)
        if d >= self.base:
            self.error()
        self.last_was_underscore = False
        self.i += 1
        return d

    def prev_digit(self):
        """Step back one digit (not over an underscore); returns its value."""
        self.i -= 1
        assert self.i >= self.start
        return _digit_value(self.s[self.i])


def string_to_int(s, base=10, allow_underscores=False, no_implicit_octal=False):
    """Parse the integer literal s, as int(s, base) does (also available as
    ``rarithmetic.string_to_int``).

    Raises ``ParseStringError`` (with ``msg``) for an invalid literal and
    ``ParseStringOverflowError`` when the value does not fit in a machine
    word.  With base 0 the prefix decides (``0x``, ``0o``, ``0b``, and a plain
    leading ``0`` means octal unless ``no_implicit_octal``).
    """
    p = NumberStringParser(s, s, base, "int", allow_underscores,
                           no_implicit_octal)
    base = p.base
    result = 0
    while True:
        digit = p.next_digit()
        if digit == -1:
            return result
        if p.sign == -1:
            digit = -digit
        try:
            result = ovfcheck(result * base)
            result = ovfcheck(result + digit)
        except OverflowError:
            raise ParseStringOverflowError(p)


# At the end: rarithmetic imports this module.
from rpython.rlib.rarithmetic import ovfcheck  # noqa: E402
