"""RPython implementations of built-in methods, functions and operations.

The translator calls these functions in place of the built-in they implement, exactly as it
calls a function of the program: `l.index(x)` on a list becomes `list_index(l, x)`,
`sorted(l)` becomes `builtin_sorted(l)`, `del l[i]` becomes `op_delitem_list(l, i)`.
Naming: `<kind>_<method>` for methods (kind is `list`, `str`, `bytes`, `dict`, `tuple`),
`builtin_<name>_<number of positional arguments>` or `builtin_<name>` for builtins, and
`op_<operation>_<kind of the first operand>` for flow operations.

Every function is specialised on the types of its arguments, so one graph serves all lists of
one item type. The code is ordinary RPython: on CPython this module is never called (the real
built-ins run), so it must follow the Python semantics of what it replaces, exceptions
included. It may only use operations that the translator implements natively, or other
functions of this module.
"""

import math
import os

from rpython.rlib.objectmodel import compute_hash, specialize
from rpython.rlib.rarithmetic import ovfcheck
from rpython.rlib.rfloat import formatd
from rpython.rlib.debug import _debug_write


# -- lists -------------------------------------------------------------------------------------

@specialize.argtype(0, 2)
def list_insert(l, index, x):
    n = len(l)
    index = _slice_bound(index, n)
    l.append(x)
    i = n
    while i > index:
        l[i] = l[i - 1]
        i -= 1
    l[index] = x


@specialize.argtype(0)
def list_pop(l, index=-1):
    n = len(l)
    if index < 0:
        index += n
    if index < 0 or index >= n:
        raise IndexError("pop index out of range")
    x = l[index]
    i = index
    while i < n - 1:
        l[i] = l[i + 1]
        i += 1
    l.pop()
    return x


@specialize.argtype(0, 1)
def list_index(l, x, start=0, stop=-1):
    n = len(l)
    if stop == -1 or stop > n:
        stop = n
    i = start
    while i < stop:
        if l[i] == x:
            return i
        i += 1
    raise ValueError("list.index(x): x not in list")


@specialize.argtype(0, 1)
def list_count(l, x):
    c = 0
    for y in l:
        if y == x:
            c += 1
    return c


@specialize.argtype(0, 1)
def list_remove(l, x):
    i = list_index(l, x)
    list_pop(l, i)


@specialize.argtype(0)
def list_reverse(l):
    i = 0
    j = len(l) - 1
    while i < j:
        t = l[i]
        l[i] = l[j]
        l[j] = t
        i += 1
        j -= 1


@specialize.argtype(0, 1)
def list_extend(l, other):
    for x in other:
        l.append(x)


@specialize.argtype(0, 1)
def op_eq_list(a, b):
    if a is None or b is None:
        return a is b
    if len(a) != len(b):
        return False
    for i in range(len(a)):
        if not (a[i] == b[i]):
            return False
    return True


@specialize.argtype(0, 1)
def op_ne_list(a, b):
    return not op_eq_list(a, b)


@specialize.argtype(0, 1)
def op_contains_list(l, x):
    for y in l:
        if y == x:
            return True
    return False


@specialize.argtype(0, 1, 2)
def op_getslice_list(l, lo, hi):
    n = len(l)
    if lo is None:
        start = 0
    else:
        start = _slice_bound(lo, n)
    if hi is None:
        stop = n
    else:
        stop = _slice_bound(hi, n)
    res = []
    i = start
    while i < stop:
        res.append(l[i])
        i += 1
    return res


def _slice_bound(i, n):
    if i < 0:
        i += n
        if i < 0:
            i = 0
    elif i > n:
        i = n
    return i


def _step_bounds(lo, hi, step, n, lo_none, hi_none):
    # The start and stop of `range` walking a slice with a step, as `slice.indices` gives.
    if step == 0:
        raise ValueError("slice step cannot be zero")
    if step > 0:
        if lo_none:
            start = 0
        else:
            start = _slice_bound(lo, n)
        if hi_none:
            stop = n
        else:
            stop = _slice_bound(hi, n)
    else:
        if lo_none:
            start = n - 1
        else:
            start = lo
            if start < 0:
                start += n
                if start < 0:
                    start = -1
            elif start >= n:
                start = n - 1
        if hi_none:
            stop = -1
        else:
            stop = hi
            if stop < 0:
                stop += n
                if stop < 0:
                    stop = -1
            elif stop >= n:
                stop = n - 1
    return start, stop


@specialize.argtype(0, 1, 2, 3)
def op_getslice_step_list(l, lo, hi, step):
    st = 1 if step is None else step
    start, stop = _step_bounds(0 if lo is None else lo, 0 if hi is None else hi, st, len(l),
                               lo is None, hi is None)
    res = []
    for i in range(start, stop, st):
        res.append(l[i])
    return res


@specialize.argtype(1, 2, 3)
def op_getslice_step_str(s, lo, hi, step):
    st = 1 if step is None else step
    start, stop = _step_bounds(0 if lo is None else lo, 0 if hi is None else hi, st, len(s),
                               lo is None, hi is None)
    res = []
    for i in range(start, stop, st):
        res.append(s[i])
    return "".join(res)


@specialize.argtype(0, 1, 2, 3)
def op_setslice_list(l, lo, hi, items):
    n = len(l)
    start = 0 if lo is None else _slice_bound(lo, n)
    stop = n if hi is None else _slice_bound(hi, n)
    if stop < start:
        stop = start
    new = []
    for x in items:
        new.append(x)
    m = len(new)
    delta = m - (stop - start)
    if delta > 0:
        i = 0
        while i < delta:
            l.append(new[0])
            i += 1
        i = n - 1
        while i >= stop:
            l[i + delta] = l[i]
            i -= 1
    elif delta < 0:
        i = stop
        while i < n:
            l[i + delta] = l[i]
            i += 1
        i = 0
        while i < -delta:
            l.pop()
            i += 1
    i = 0
    while i < m:
        l[start + i] = new[i]
        i += 1


@specialize.argtype(0, 1)
def op_delitem_list(l, index):
    list_pop(l, index)


@specialize.argtype(0, 1, 2)
def op_delslice_list(l, lo, hi):
    n = len(l)
    start = 0 if lo is None else _slice_bound(lo, n)
    stop = n if hi is None else _slice_bound(hi, n)
    if stop <= start:
        return
    d = stop - start
    i = stop
    while i < n:
        l[i - d] = l[i]
        i += 1
    i = 0
    while i < d:
        l.pop()
        i += 1


@specialize.argtype(0)
def list_clear(l):
    while len(l) > 0:
        l.pop()


@specialize.argtype(0)
def list_copy(l):
    res = []
    for x in l:
        res.append(x)
    return res


@specialize.argtype(0)
def list_sort(l, key=None, reverse=False):
    if len(l) < 2:
        return
    if reverse:
        list_reverse(l)
    if key is None:
        _merge_sort(l)
    else:
        keys = []
        for x in l:
            keys.append(key(x))
        _merge_sort_kv(keys, l)
    if reverse:
        list_reverse(l)


@specialize.argtype(0)
def _merge_sort(a):
    # A stable bottom-up merge sort: insertion-sorted runs of 8, then merges through `tmp`.
    n = len(a)
    run = 8
    lo = 0
    while lo < n:
        hi = min(lo + run, n)
        i = lo + 1
        while i < hi:
            x = a[i]
            j = i - 1
            while j >= lo and x < a[j]:
                a[j + 1] = a[j]
                j -= 1
            a[j + 1] = x
            i += 1
        lo = hi
    if n <= run:
        return
    tmp = list_copy(a)
    width = run
    while width < n:
        lo = 0
        while lo < n:
            mid = min(lo + width, n)
            hi = min(lo + 2 * width, n)
            i = lo
            j = mid
            k = lo
            while i < mid and j < hi:
                if a[j] < a[i]:
                    tmp[k] = a[j]
                    j += 1
                else:
                    tmp[k] = a[i]
                    i += 1
                k += 1
            while i < mid:
                tmp[k] = a[i]
                i += 1
                k += 1
            while j < hi:
                tmp[k] = a[j]
                j += 1
                k += 1
            lo = hi
        k = 0
        while k < n:
            a[k] = tmp[k]
            k += 1
        width *= 2


@specialize.argtype(0, 1)
def _merge_sort_kv(keys, vals):
    # `_merge_sort` on `keys`, moving `vals` along.
    n = len(keys)
    run = 8
    lo = 0
    while lo < n:
        hi = min(lo + run, n)
        i = lo + 1
        while i < hi:
            x = keys[i]
            y = vals[i]
            j = i - 1
            while j >= lo and x < keys[j]:
                keys[j + 1] = keys[j]
                vals[j + 1] = vals[j]
                j -= 1
            keys[j + 1] = x
            vals[j + 1] = y
            i += 1
        lo = hi
    if n <= run:
        return
    tk = list_copy(keys)
    tv = list_copy(vals)
    width = run
    while width < n:
        lo = 0
        while lo < n:
            mid = min(lo + width, n)
            hi = min(lo + 2 * width, n)
            i = lo
            j = mid
            k = lo
            while i < mid and j < hi:
                if keys[j] < keys[i]:
                    tk[k] = keys[j]
                    tv[k] = vals[j]
                    j += 1
                else:
                    tk[k] = keys[i]
                    tv[k] = vals[i]
                    i += 1
                k += 1
            while i < mid:
                tk[k] = keys[i]
                tv[k] = vals[i]
                i += 1
                k += 1
            while j < hi:
                tk[k] = keys[j]
                tv[k] = vals[j]
                j += 1
                k += 1
            lo = hi
        k = 0
        while k < n:
            keys[k] = tk[k]
            vals[k] = tv[k]
            k += 1
        width *= 2


# -- builtins over iterables -------------------------------------------------------------------

@specialize.argtype(0, 1)
def builtin_rlib_ll_arraycopy(source, dest, source_start, dest_start, length):
    # rgc.ll_arraycopy: item by item, backwards when the ranges overlap with the destination
    # after the source in one list; each store has its write barrier.
    assert length >= 0 and source_start >= 0 and dest_start >= 0
    assert source_start + length <= len(source)
    assert dest_start + length <= len(dest)
    if source is dest and source_start < dest_start:
        i = length - 1
        while i >= 0:
            dest[dest_start + i] = source[source_start + i]
            i -= 1
    else:
        i = 0
        while i < length:
            dest[dest_start + i] = source[source_start + i]
            i += 1


@specialize.argtype(0)
def builtin_sorted(items, key=None, reverse=False):
    res = []
    for x in items:
        res.append(x)
    list_sort(res, key, reverse)
    return res


@specialize.argtype(0)
def builtin_list_1(items):
    res = []
    for x in items:
        res.append(x)
    return res


def builtin_list_0():
    return []


@specialize.argtype(0)
def builtin_reversed(items):
    res = []
    for x in items:
        res.append(x)
    list_reverse(res)
    return res


@specialize.argtype(0, 1)
def builtin_enumerate(items, start=0):
    res = []
    i = start
    for x in items:
        res.append((i, x))
        i += 1
    return res


@specialize.argtype(0, 1)
def builtin_zip_2(a, b):
    res = []
    lb = builtin_list_1(b)
    i = 0
    for x in a:
        if i >= len(lb):
            break
        res.append((x, lb[i]))
        i += 1
    return res


@specialize.argtype(0, 1, 2)
def builtin_zip_3(a, b, c):
    res = []
    lb = builtin_list_1(b)
    lc = builtin_list_1(c)
    i = 0
    for x in a:
        if i >= len(lb) or i >= len(lc):
            break
        res.append((x, lb[i], lc[i]))
        i += 1
    return res


@specialize.argtype(0, 1)
def builtin_sum(items, start=0):
    total = start
    for x in items:
        total = total + x
    return total


@specialize.argtype(0)
def builtin_any(items):
    for x in items:
        if x:
            return True
    return False


@specialize.argtype(0)
def builtin_all(items):
    for x in items:
        if not x:
            return False
    return True


@specialize.argtype(0)
def builtin_min_1(items, key=None):
    return _extreme(items, key, False, "min() arg is an empty sequence")


@specialize.argtype(0)
def builtin_max_1(items, key=None):
    return _extreme(items, key, True, "max() arg is an empty sequence")


@specialize.argtype(0)
def _extreme(items, key, largest, empty_msg):
    # The smallest (or largest) item, by key if given; the first of equal ones.
    best = _first_item(items, empty_msg)
    if key is None:
        for x in items:
            if (x > best) if largest else (x < best):
                best = x
    else:
        bk = key(best)
        for x in items:
            k = key(x)
            if (k > bk) if largest else (k < bk):
                best = x
                bk = k
    return best


@specialize.argtype(0)
def _first_item(items, empty_msg):
    for x in items:
        return x
    raise ValueError(empty_msg)


@specialize.argtype(0, 1, 2)
def builtin_max_3(a, b, c):
    m = a
    if b > m:
        m = b
    if c > m:
        m = c
    return m


@specialize.argtype(0, 1, 2)
def builtin_min_3(a, b, c):
    m = a
    if b < m:
        m = b
    if c < m:
        m = c
    return m


# -- dicts ---------------------------------------------------------------------------------------

@specialize.argtype(0)
def dict_keys(d):
    res = []
    for k in d:
        res.append(k)
    return res


@specialize.argtype(0)
def dict_values(d):
    res = []
    for k in d:
        res.append(d[k])
    return res


@specialize.argtype(0)
def dict_items(d):
    res = []
    for k in d:
        res.append((k, d[k]))
    return res


@specialize.argtype(0, 1)
def dict_pop_1(d, key):
    v = d[key]
    del d[key]
    return v


@specialize.argtype(0, 1, 2)
def dict_pop_2(d, key, default):
    if key in d:
        v = d[key]
        del d[key]
        return v
    return default


@specialize.argtype(0)
def dict_popitem(d):
    if len(d) == 0:
        raise KeyError("popitem(): dictionary is empty")
    keys = dict_keys(d)
    last = keys[len(keys) - 1]
    v = d[last]
    del d[last]
    return (last, v)


@specialize.argtype(0, 1, 2)
def dict_setdefault(d, key, default=None):
    if key in d:
        return d[key]
    d[key] = default
    return default


@specialize.argtype(0, 1)
def dict_update(d, other):
    for k in other:
        d[k] = other[k]


@specialize.argtype(0)
def dict_copy(d):
    res = {}
    for k in d:
        res[k] = d[k]
    return res


@specialize.argtype(0)
def dict_clear(d):
    for k in dict_keys(d):
        del d[k]


# -- str -----------------------------------------------------------------------------------------
# Character classes and case mappings (isalpha, lower, title, ...) are not here: the rtyper calls
# the C support for them (rpy_str_is, rpy_char_is, rpy_str_case), over tables generated from
# CPython's Unicode database.

@specialize.argtype(2, 3)
def str_find(s, sub, start=0, end=None):
    lo, hi = _bounds(s, start, end)
    return _find(s, sub, lo, hi)


@specialize.argtype(2, 3)
def _bounds(s, start, end):
    n = len(s)
    if start is None:
        lo = 0
    else:
        lo = start
        if lo < 0:
            lo += n
            if lo < 0:
                lo = 0
    if end is None:
        hi = n
    else:
        hi = end
        if hi < 0:
            hi += n
            if hi < 0:
                hi = 0
        elif hi > n:
            hi = n
    return lo, hi


def _find(s, sub, lo, hi):
    m = len(sub)
    last = hi - m
    i = lo
    while i <= last:
        j = 0
        while j < m and s[i + j] == sub[j]:
            j += 1
        if j == m:
            return i
        i += 1
    return -1


def _rfind(s, sub, lo, hi):
    m = len(sub)
    i = hi - m
    while i >= lo:
        j = 0
        while j < m and s[i + j] == sub[j]:
            j += 1
        if j == m:
            return i
        i -= 1
    return -1


@specialize.argtype(2, 3)
def str_rfind(s, sub, start=0, end=None):
    lo, hi = _bounds(s, start, end)
    return _rfind(s, sub, lo, hi)


@specialize.argtype(2, 3)
def str_index(s, sub, start=0, end=None):
    lo, hi = _bounds(s, start, end)
    i = _find(s, sub, lo, hi)
    if i < 0:
        raise ValueError("substring not found")
    return i


@specialize.argtype(2, 3)
def str_rindex(s, sub, start=0, end=None):
    lo, hi = _bounds(s, start, end)
    i = _rfind(s, sub, lo, hi)
    if i < 0:
        raise ValueError("substring not found")
    return i


@specialize.argtype(2, 3)
def str_count(s, sub, start=0, end=None):
    lo, hi = _bounds(s, start, end)
    if hi < lo:
        return 0
    m = len(sub)
    if m == 0:
        return hi - lo + 1
    c = 0
    i = lo
    while True:
        i = _find(s, sub, i, hi)
        if i < 0:
            return c
        c += 1
        i += m


def _startswith_at(s, prefix, lo, hi):
    m = len(prefix)
    if lo + m > hi:
        return False
    j = 0
    while j < m:
        if s[lo + j] != prefix[j]:
            return False
        j += 1
    return True


@specialize.argtype(2, 3)
def str_startswith(s, prefix, start=0, end=None):
    lo, hi = _bounds(s, start, end)
    if lo > len(s):
        return False
    return _startswith_at(s, prefix, lo, hi)


@specialize.argtype(2, 3)
def str_endswith(s, suffix, start=0, end=None):
    lo, hi = _bounds(s, start, end)
    if lo > len(s):
        return False
    m = len(suffix)
    if hi - m < lo:
        return False
    return _startswith_at(s, suffix, hi - m, hi)


@specialize.argtype(1)
def str_split(s, sep=None, maxsplit=-1):
    res = []
    n = len(s)
    if sep is None:
        i = 0
        while True:
            while i < n and s[i].isspace():
                i += 1
            if i >= n:
                break
            if maxsplit >= 0 and len(res) >= maxsplit:
                res.append(s[i:n])
                break
            j = i
            while j < n and not s[j].isspace():
                j += 1
            res.append(s[i:j])
            i = j
        return res
    m = len(sep)
    if m == 0:
        raise ValueError("empty separator")
    i = 0
    while maxsplit < 0 or len(res) < maxsplit:
        j = _find(s, sep, i, n)
        if j < 0:
            break
        res.append(s[i:j])
        i = j + m
    res.append(s[i:n])
    return res


@specialize.argtype(1)
def str_rsplit(s, sep=None, maxsplit=-1):
    res = []
    if sep is None:
        j = len(s)
        while True:
            while j > 0 and s[j - 1].isspace():
                j -= 1
            if j <= 0:
                break
            if maxsplit >= 0 and len(res) >= maxsplit:
                res.append(s[0:j])
                break
            i = j
            while i > 0 and not s[i - 1].isspace():
                i -= 1
            res.append(s[i:j])
            j = i
        list_reverse(res)
        return res
    m = len(sep)
    if m == 0:
        raise ValueError("empty separator")
    j = len(s)
    while maxsplit < 0 or len(res) < maxsplit:
        i = _rfind(s, sep, 0, j)
        if i < 0:
            break
        res.append(s[i + m:j])
        j = i
    res.append(s[0:j])
    list_reverse(res)
    return res


def str_splitlines(s, keepends=False):
    res = []
    n = len(s)
    i = 0
    while i < n:
        j = i
        while j < n and not _is_linebreak(s[j]):
            j += 1
        eol = j
        if j < n:
            if s[j] == "\r" and j + 1 < n and s[j + 1] == "\n":
                j += 2
            else:
                j += 1
        if keepends:
            res.append(s[i:j])
        else:
            res.append(s[i:eol])
        i = j
    return res


def _is_linebreak(c):
    o = ord(c)
    return (10 <= o <= 13) or (28 <= o <= 30) or o == 0x85 or o == 0x2028 or o == 0x2029


def _in_chars(c, chars):
    for x in chars:
        if x == c:
            return True
    return False


@specialize.argtype(1)
def str_strip(s, chars=None):
    i = 0
    j = len(s)
    if chars is None:
        while i < j and s[i].isspace():
            i += 1
        while j > i and s[j - 1].isspace():
            j -= 1
    else:
        while i < j and _in_chars(s[i], chars):
            i += 1
        while j > i and _in_chars(s[j - 1], chars):
            j -= 1
    return s[i:j]


@specialize.argtype(1)
def str_lstrip(s, chars=None):
    i = 0
    j = len(s)
    if chars is None:
        while i < j and s[i].isspace():
            i += 1
    else:
        while i < j and _in_chars(s[i], chars):
            i += 1
    return s[i:j]


@specialize.argtype(1)
def str_rstrip(s, chars=None):
    j = len(s)
    if chars is None:
        while j > 0 and s[j - 1].isspace():
            j -= 1
    else:
        while j > 0 and _in_chars(s[j - 1], chars):
            j -= 1
    return s[0:j]


def str_replace(s, old, new, count=-1):
    res = []
    n = len(s)
    m = len(old)
    i = 0
    done = 0
    if m == 0:
        while i <= n and (count < 0 or done < count):
            res.append(new)
            if i < n:
                res.append(s[i])
            i += 1
            done += 1
        if i <= n:
            res.append(s[i:n])
        return "".join(res)
    while count < 0 or done < count:
        j = _find(s, old, i, n)
        if j < 0:
            break
        res.append(s[i:j])
        res.append(new)
        i = j + m
        done += 1
    res.append(s[i:n])
    return "".join(res)


def str_ljust(s, width, fillchar=" "):
    n = len(s)
    if width <= n:
        return s
    return s + fillchar * (width - n)


def str_rjust(s, width, fillchar=" "):
    n = len(s)
    if width <= n:
        return s
    return fillchar * (width - n) + s


def str_center(s, width, fillchar=" "):
    n = len(s)
    if width <= n:
        return s
    marg = width - n
    left = marg // 2 + (marg & width & 1)
    return fillchar * left + s + fillchar * (marg - left)


def str_zfill(s, width):
    n = len(s)
    if width <= n:
        return s
    fill = width - n
    if n > 0 and (s[0] == "+" or s[0] == "-"):
        return s[0] + "0" * fill + s[1:n]
    return "0" * fill + s


def str_partition(s, sep):
    if len(sep) == 0:
        raise ValueError("empty separator")
    i = _find(s, sep, 0, len(s))
    if i < 0:
        return (s, "", "")
    return (s[0:i], sep, s[i + len(sep):len(s)])


def str_rpartition(s, sep):
    if len(sep) == 0:
        raise ValueError("empty separator")
    i = _rfind(s, sep, 0, len(s))
    if i < 0:
        return ("", "", s)
    return (s[0:i], sep, s[i + len(sep):len(s)])


def str_expandtabs(s, tabsize=8):
    res = []
    col = 0
    for c in s:
        if c == "\t":
            if tabsize > 0:
                k = tabsize - col % tabsize
                res.append(" " * k)
                col += k
        else:
            res.append(c)
            if c == "\n" or c == "\r":
                col = 0
            else:
                col += 1
    return "".join(res)


def op_getslice_step_char(s, lo, hi, step):
    return op_getslice_step_str(s, lo, hi, step)


# -- repr and formatting -------------------------------------------------------------------------

_HEX = "0123456789abcdef"


def _repr_str(s):
    # CPython's repr: printable characters as they are, others escaped as \xhh, \uhhhh or
    # \Uhhhhhhhh by size.
    quote = "'"
    if _find(s, "'", 0, len(s)) >= 0 and _find(s, '"', 0, len(s)) < 0:
        quote = '"'
    res = [quote]
    for c in s:
        o = ord(c)
        if c == quote or c == "\\":
            res.append("\\")
            res.append(c)
        elif c == "\n":
            res.append("\\n")
        elif c == "\r":
            res.append("\\r")
        elif c == "\t":
            res.append("\\t")
        elif o < 0x7F and o >= 0x20:
            res.append(c)
        elif o >= 0x7F and c.isprintable():
            res.append(c)
        elif o <= 0xFF:
            res.append("\\x")
            _hex_digits(res, o, 2)
        elif o <= 0xFFFF:
            res.append("\\u")
            _hex_digits(res, o, 4)
        else:
            res.append("\\U")
            _hex_digits(res, o, 8)
    res.append(quote)
    return "".join(res)


def _hex_digits(res, o, n):
    shift = 4 * (n - 1)
    while shift >= 0:
        res.append(_HEX[(o >> shift) & 15])
        shift -= 4


def _repr_bytes(b):
    quote = "'"
    res = ["b"]
    if _bytes_has(b, 39) and not _bytes_has(b, 34):
        quote = '"'
    res.append(quote)
    for i in range(len(b)):
        o = b[i]
        if o == ord(quote) or o == 92:
            res.append("\\")
            res.append(chr(o))
        elif o == 10:
            res.append("\\n")
        elif o == 13:
            res.append("\\r")
        elif o == 9:
            res.append("\\t")
        elif o < 0x20 or o >= 0x7F:
            res.append("\\x")
            res.append(_HEX[o >> 4])
            res.append(_HEX[o & 15])
        else:
            res.append(chr(o))
    res.append(quote)
    return "".join(res)


def _bytes_has(b, x):
    for i in range(len(b)):
        if b[i] == x:
            return True
    return False


@specialize.argtype(0)
def builtin_repr(x):
    if isinstance(x, str):
        return _repr_str(x)
    if isinstance(x, bytes):
        return _repr_bytes(x)
    if isinstance(x, list):
        return builtin_repr_list(x)
    if isinstance(x, dict):
        return builtin_repr_dict(x)
    return str(x)


@specialize.argtype(0)
def builtin_repr_list(l):
    res = []
    for x in l:
        res.append(builtin_repr(x))
    return "[" + ", ".join(res) + "]"


@specialize.argtype(0)
def builtin_repr_dict(d):
    res = []
    for k in d:
        res.append(builtin_repr(k) + ": " + builtin_repr(d[k]))
    return "{" + ", ".join(res) + "}"


@specialize.argtype(0)
def builtin_str_list(l):
    return builtin_repr_list(l)


@specialize.argtype(0)
def builtin_str_dict(d):
    return builtin_repr_dict(d)


def builtin_str_bytes(b):
    return _repr_bytes(b)


def _digits(x, base, upper):
    # The digits of x >= 0 in `base`.
    if x == 0:
        return "0"
    digits = "0123456789ABCDEF" if upper else _HEX
    res = []
    while x > 0:
        res.append(digits[x % base])
        x = x // base
    list_reverse(res)
    return "".join(res)


def _int_body(x, conv, alt):
    # (negative, prefix, digits) of an int for the conversion `conv`.
    neg = x < 0
    if conv == "x" or conv == "X":
        base = 16
    elif conv == "o":
        base = 8
    elif conv == "b":
        base = 2
    else:
        base = 10
    if x == -9223372036854775807 - 1:
        if base == 10:
            body = "9223372036854775808"
        elif base == 16:
            body = "8000000000000000"
        elif base == 8:
            body = "1000000000000000000000"
        else:
            body = "1" + "0" * 63
    else:
        body = _digits(-x if neg else x, base, conv == "X")
    prefix = ""
    if alt:
        if base == 16:
            prefix = "0X" if conv == "X" else "0x"
        elif base == 8:
            prefix = "0o"
        elif base == 2:
            prefix = "0b"
    return neg, prefix, body


def _pad(sign, prefix, body, fill, align, width):
    n = len(sign) + len(prefix) + len(body)
    if width <= n:
        return sign + prefix + body
    pad = width - n
    if align == "=":
        return sign + prefix + fill * pad + body
    if align == "<":
        return sign + prefix + body + fill * pad
    if align == "^":
        left = pad // 2
        return fill * left + sign + prefix + body + fill * (pad - left)
    return fill * pad + sign + prefix + body


def _sign_str(neg, sign):
    if neg:
        return "-"
    if sign == "+":
        return "+"
    if sign == " ":
        return " "
    return ""


def _fmt_float(x, conv, fill, align, sign, alt, zero, width, prec):
    if conv == "%":
        x = x * 100.0
        code = "f"
    elif conv == "" or conv == "s" or conv == "d":
        code = "r" if prec < 0 else "g"
    else:
        code = conv
    flags = 0
    if alt:
        flags |= 4
    if conv == "" and prec >= 0:
        flags |= 2
    if code == "g" and prec == 0:
        prec = 1
    text = formatd(x, code, prec if prec >= 0 else 6, flags)
    neg = len(text) > 0 and text[0] == "-"
    body = text[1:] if neg else text
    if conv == "%":
        body = body + "%"
    if zero and align == "":
        fill = "0"
        align = "="
    if align == "":
        align = ">"
    return _pad(_sign_str(neg, sign), "", body, fill, align, width)


@specialize.argtype(0)
def builtin_fmt(x, conv, fill, align, sign, alt, zero, width, prec):
    if isinstance(x, float):
        return _fmt_float(x, conv, fill, align, sign, alt, zero, width, prec)
    if isinstance(x, int):
        if conv == "c":
            return _fmt_str(chr(x), fill, align, zero, width, -1)
        if conv == "r" or conv == "s" and (prec >= 0):
            return _fmt_str(str(x), fill, align, zero, width, prec)
        if (conv == "e" or conv == "E" or conv == "f" or conv == "F" or conv == "g"
                or conv == "G" or conv == "%"):
            return _fmt_float(float(x), conv, fill, align, sign, alt, zero, width, prec)
        neg, prefix, body = _int_body(x, conv, alt)
        if zero and align == "":
            fill = "0"
            align = "="
        if align == "":
            align = ">"
        return _pad(_sign_str(neg, sign), prefix, body, fill, align, width)
    if conv == "r":
        return _fmt_str(builtin_repr(x), fill, align, zero, width, prec)
    return _fmt_str(str(x), fill, align, zero, width, prec)


def _fmt_str(s, fill, align, zero, width, prec):
    if prec >= 0 and prec < len(s):
        s = s[0:prec]
    if align == "=":
        # `%05s`: the zero flag does not apply to strings.
        align = ">"
        fill = " "
    if zero and align == "":
        fill = "0"
    if align == "":
        align = "<"
    return _pad("", "", s, fill, align, width)


# -- math ----------------------------------------------------------------------------------------

def builtin_math_modf(x):
    if math.isinf(x):
        return (math.copysign(0.0, x), x)
    f = math.fmod(x, 1.0)
    return (f, x - f)


# -- conversions ---------------------------------------------------------------------------------

def _digit_value(c):
    o = ord(c)
    if 48 <= o <= 57:
        return o - 48
    if 97 <= o <= 122:
        return o - 87
    if 65 <= o <= 90:
        return o - 55
    return 99


def builtin_int_2(s, base):
    # int(s, base) with Python's syntax: spaces around, a sign, a prefix matching the base,
    # single underscores between digits.
    if base != 0 and (base < 2 or base > 36):
        raise ValueError("int() base must be >= 2 and <= 36, or 0")
    i = 0
    n = len(s)
    while i < n and s[i].isspace():
        i += 1
    while n > i and s[n - 1].isspace():
        n -= 1
    neg = False
    if i < n and (s[i] == "+" or s[i] == "-"):
        neg = s[i] == "-"
        i += 1
    if i + 1 < n and s[i] == "0":
        p = s[i + 1]
        if (p == "x" or p == "X") and (base == 16 or base == 0):
            base = 16
            i += 2
        elif (p == "o" or p == "O") and (base == 8 or base == 0):
            base = 8
            i += 2
        elif (p == "b" or p == "B") and (base == 2 or base == 0):
            base = 2
            i += 2
        if i < n and s[i] == "_":
            i += 1
    if base == 0:
        base = 10
        if i < n and s[i] == "0":
            j = i
            while j < n and (s[j] == "0" or s[j] == "_"):
                j += 1
            if j < n:
                raise ValueError("invalid literal for int() with base 0")
    if i >= n:
        raise ValueError("invalid literal for int()")
    v = 0
    prev_digit = False
    while i < n:
        c = s[i]
        if c == "_":
            if not prev_digit:
                raise ValueError("invalid literal for int()")
            prev_digit = False
            i += 1
            continue
        d = _digit_value(c)
        if d >= base:
            raise ValueError("invalid literal for int()")
        try:
            v = ovfcheck(v * base)
            v = ovfcheck(v - d)
        except OverflowError:
            raise OverflowError("int() literal too large")
        prev_digit = True
        i += 1
    if not prev_digit:
        raise ValueError("invalid literal for int()")
    if not neg:
        try:
            v = ovfcheck(-v)
        except OverflowError:
            raise OverflowError("int() literal too large")
    return v


# -- rpython.rlib helpers -----------------------------------------------------------------------

def builtin_rlib_newlist_hint(sizehint=0):
    return []


def builtin_rlib_debug_print_0():
    _debug_write("")


@specialize.argtype(0)
def builtin_rlib_debug_print_1(a):
    _debug_write(str(a))


@specialize.argtype(0, 1)
def builtin_rlib_debug_print_2(a, b):
    _debug_write(str(a) + " " + str(b))


@specialize.argtype(0, 1, 2)
def builtin_rlib_debug_print_3(a, b, c):
    _debug_write(" ".join([str(a), str(b), str(c)]))


@specialize.argtype(0, 1, 2, 3)
def builtin_rlib_debug_print_4(a, b, c, d):
    _debug_write(" ".join([str(a), str(b), str(c), str(d)]))


@specialize.argtype(0, 1, 2, 3, 4)
def builtin_rlib_debug_print_5(a, b, c, d, e):
    _debug_write(" ".join([str(a), str(b), str(c), str(d), str(e)]))


@specialize.argtype(0, 1, 2, 3, 4, 5)
def builtin_rlib_debug_print_6(a, b, c, d, e, f):
    _debug_write(" ".join([str(a), str(b), str(c), str(d), str(e), str(f)]))


def builtin_os_getenv_2(name, default):
    v = os.getenv(name)
    if v is None:
        return default
    return v


# -- instances: the special methods RPython honours ----------------------------------------------
# `len(x)`, `x[i]`, `x[i] = v`, `iter(x)` and `next(it)` on an instance call its `__len__`,
# `__getitem__`, `__setitem__`, `__iter__` and `__next__` (RPython 2's `next`), so a `for` loop
# runs over an instance whose `__iter__` returns an iterator object.

@specialize.argtype(0)
def builtin_len_inst(x):
    return x.__len__()


@specialize.argtype(0, 1)
def op_getitem_inst(x, index):
    return x.__getitem__(index)


@specialize.argtype(0, 1, 2)
def op_setitem_inst(x, index, value):
    x.__setitem__(index, value)


@specialize.argtype(0)
def op_iter_inst(x):
    return x.__iter__()


@specialize.argtype(0)
def op_next_inst(it):
    return it.__next__()


# -- tuples --------------------------------------------------------------------------------------

@specialize.argtype(0, 1)
def op_contains_tuple(t, x):
    for y in t:
        if y == x:
            return True
    return False


@specialize.argtype(0, 1)
def tuple_index(t, x):
    i = 0
    for y in t:
        if y == x:
            return i
        i += 1
    raise ValueError("tuple.index(x): x not in tuple")


@specialize.argtype(0, 1)
def tuple_count(t, x):
    c = 0
    for y in t:
        if y == x:
            c += 1
    return c


@specialize.argtype(0)
def builtin_hash(x):
    return compute_hash(x)


# -- bytes and bytearray -------------------------------------------------------------------------
# A bytearray is a list of ints (each 0..255): indexing, item assignment, append, extend,
# slicing and len are the list's.

def builtin_bytearray_0():
    return [0] * 0


@specialize.argtype(0)
def builtin_bytearray_1(x):
    if isinstance(x, int):
        if x < 0:
            raise ValueError("negative count")
        return [0] * x
    res = []
    for b in x:
        res.append(b)
    return res


def builtin_bytearray_2(s, encoding):
    return builtin_bytearray_1(s.encode(encoding))


@specialize.argtype(0)
def list_decode(l, encoding="utf-8"):
    return bytes(l).decode(encoding)


def bytes_hex(b):
    res = []
    for o in b:
        res.append(_HEX[o >> 4])
        res.append(_HEX[o & 15])
    return "".join(res)


def _bytes_find(b, sub, lo, hi):
    m = len(sub)
    i = lo
    while i <= hi - m:
        j = 0
        while j < m and b[i + j] == sub[j]:
            j += 1
        if j == m:
            return i
        i += 1
    return -1


def bytes_find(b, sub, start=0, end=-1):
    n = len(b)
    if end < 0 or end > n:
        end = n
    return _bytes_find(b, sub, start, end)


def bytes_startswith(b, prefix):
    if len(prefix) > len(b):
        return False
    for i in range(len(prefix)):
        if b[i] != prefix[i]:
            return False
    return True


def bytes_endswith(b, suffix):
    k = len(b) - len(suffix)
    if k < 0:
        return False
    for i in range(len(suffix)):
        if b[k + i] != suffix[i]:
            return False
    return True


def bytes_count(b, sub):
    m = len(sub)
    if m == 0:
        return len(b) + 1
    c = 0
    i = 0
    while True:
        i = _bytes_find(b, sub, i, len(b))
        if i < 0:
            return c
        c += 1
        i += m


def bytes_split(b, sep):
    res = []
    m = len(sep)
    if m == 0:
        raise ValueError("empty separator")
    i = 0
    while True:
        j = _bytes_find(b, sep, i, len(b))
        if j < 0:
            break
        res.append(b[i:j])
        i = j + m
    res.append(b[i:len(b)])
    return res


def bytes_join(sep, items):
    res = b""
    first = True
    for x in items:
        if not first:
            res = res + sep
        res = res + x
        first = False
    return res


def bytes_strip(b):
    i = 0
    j = len(b)
    while i < j and (b[i] == 32 or 9 <= b[i] <= 13):
        i += 1
    while j > i and (b[j - 1] == 32 or 9 <= b[j - 1] <= 13):
        j -= 1
    return b[i:j]


def bytes_upper(b):
    res = []
    for o in b:
        if 97 <= o <= 122:
            o -= 32
        res.append(o)
    return bytes(res)


def bytes_lower(b):
    res = []
    for o in b:
        if 65 <= o <= 90:
            o += 32
        res.append(o)
    return bytes(res)


def bytes_replace(b, old, new):
    return bytes_join(new, bytes_split(b, old))


def builtin_bytes_int(n):
    if n < 0:
        raise ValueError("negative count")
    return bytes([0] * n)


def builtin_bytes_2(s, encoding):
    return s.encode(encoding)


@specialize.argtype(0)
def builtin_str_any(x):
    # str() of a list, dict or bytes (what print shows).
    if isinstance(x, bytes):
        return _repr_bytes(x)
    return builtin_repr(x)


# -- more builtins -------------------------------------------------------------------------------

@specialize.argtype(0, 1)
def builtin_divmod(a, b):
    return (a // b, a % b)


def builtin_round_1(x):
    f = math.floor(x)
    diff = x - f
    if diff > 0.5:
        return f + 1
    if diff < 0.5:
        return f
    if f % 2 == 0:
        return f
    return f + 1


def builtin_round_2(x, ndigits):
    if math.isinf(x) or math.isnan(x):
        return x
    if ndigits >= 0:
        if ndigits > 300:
            return x
        return float(formatd(x, "f", ndigits, 0))
    y = 10.0 ** (-ndigits)
    return float(builtin_round_1(x / y)) * y


@specialize.argtype(0, 1)
def builtin_pow_2(a, b):
    return a ** b


def builtin_pow_3(a, b, m):
    if b < 0:
        raise ValueError("pow() negative exponent with a modulus")
    if m == 0:
        raise ValueError("pow() 3rd argument cannot be 0")
    result = 1 % m
    base = a % m
    while b > 0:
        if b & 1:
            result = (result * base) % m
        base = (base * base) % m
        b >>= 1
    return result


def builtin_hex(x):
    return builtin_fmt(x, "x", " ", "", "", True, False, -1, -1)


def builtin_oct(x):
    return builtin_fmt(x, "o", " ", "", "", True, False, -1, -1)


def builtin_bin(x):
    return builtin_fmt(x, "b", " ", "", "", True, False, -1, -1)


# -- sets: dicts whose values are None -----------------------------------------------------------

def builtin_set_0():
    return {}


@specialize.argtype(0)
def builtin_set_1(items):
    d = {}
    for x in items:
        d[x] = None
    return d


def builtin_dict_0():
    return {}


@specialize.argtype(0, 1)
def dict_add(d, x):
    d[x] = None


@specialize.argtype(0, 1)
def dict_discard(d, x):
    if x in d:
        del d[x]


@specialize.argtype(0, 1)
def dict_remove(d, x):
    del d[x]


@specialize.argtype(0, 1)
def dict_union(d, other):
    res = dict_copy(d)
    for x in other:
        res[x] = None
    return res


@specialize.argtype(0, 1)
def dict_intersection(d, other):
    res = {}
    for x in d:
        if x in other:
            res[x] = None
    return res


@specialize.argtype(0, 1)
def dict_difference(d, other):
    res = {}
    for x in d:
        if x not in other:
            res[x] = None
    return res


@specialize.argtype(0, 1)
def dict_issubset(d, other):
    for x in d:
        if x not in other:
            return False
    return True


@specialize.argtype(0, 1)
def op_or_dict(d, other):
    return dict_union(d, other)


@specialize.argtype(0, 1)
def op_and_dict(d, other):
    return dict_intersection(d, other)


@specialize.argtype(0, 1)
def op_sub_dict(d, other):
    return dict_difference(d, other)


def builtin_range_1(stop):
    return builtin_range_3(0, stop, 1)


def builtin_range_2(start, stop):
    return builtin_range_3(start, stop, 1)


def builtin_range_3(start, stop, step):
    # range() outside a `for` header: a list of the numbers.
    if step == 0:
        raise ValueError("range() arg 3 must not be zero")
    res = []
    i = start
    if step > 0:
        while i < stop:
            res.append(i)
            i += step
    else:
        while i > stop:
            res.append(i)
            i += step
    return res
