"""Debugging helpers: the PYPYLOG debug log, assertions, fatal errors, hints.

The log works as in a translated RPython program, also on CPython:

* ``debug_print(*args)`` writes its arguments, separated by spaces, as one
  line to the log output (stderr unless ``PYPYLOG`` names a file), if
  ``have_debug_prints()``;
* ``debug_start(category)`` / ``debug_stop(category)`` delimit a section.
  Outside every section ``have_debug_prints()`` is true (debug prints always
  show).  Inside a section it is true only if ``PYPYLOG`` has the form
  ``prefixes:output`` and the innermost section's category starts with one of
  the comma-separated ``prefixes`` (an empty prefix, ``PYPYLOG=:-``, selects
  every category).  The start and stop of an enabled section are written as
  ``[<hex timestamp>] {category`` and ``[<hex timestamp>] category}``.
  ``output`` is a file name (truncated) or ``-`` for stderr.  A ``PYPYLOG``
  without ``:`` (profiling form) writes the start and stop lines of every
  section and no debug prints inside sections.
* ``have_debug_prints()``, ``have_debug_prints_for(prefix)``,
  ``debug_flush()`` and ``debug_offset()`` (the position in the log file,
  -1 when it is not a regular file).

Also ``fatalerror(msg)`` / ``fatalerror_notb(msg)`` (the translated program
prints ``Fatal RPython error: msg`` and aborts; on CPython they raise
``FatalError``), ``ll_assert``, ``make_sure_not_resized``, ``check_nonneg``,
``check_regular_int``, ``ll_assert_not_none``, ``mark_dict_non_null``,
``debug_print_traceback``.

``debug_print``, ``debug_start``, ``debug_stop``, ``have_debug_prints``,
``have_debug_prints_for``, ``debug_flush``, ``debug_offset``, ``fatalerror``
and ``fatalerror_notb`` keep CPython-only state here; the translator gives
them their translated meaning.
"""

from rpython.rlib._cpython_only import cpython_only

import os
import sys
import time


class FatalError(Exception):
    """Raised on CPython by fatalerror(): the translated program aborts."""


class _DebugLog(object):
    """The state of the debug log of an untranslated run (CPython only)."""

    def __init__(self):
        self.opened = False
        self.profile = False
        self.prefixes = None        # list of str, or None: no conditional logging
        self.file = None
        self.own_file = False
        self.levels = []            # one bool per open section: prints enabled

    def open(self):
        if self.opened:
            return
        self.opened = True
        value = os.environ.get("PYPYLOG", "")
        filename = "-"
        if value:
            colon = value.find(":")
            if value[0] == "+":
                value = value[1:]
                colon = -1
            if colon < 0:
                self.profile = True
                filename = value
            else:
                self.prefixes = value[:colon].split(",")
                filename = value[colon + 1:]
        if filename and filename != "-":
            try:
                self.file = open(filename, "w")
                self.own_file = True
            except OSError:
                self.file = None
        if self.file is None:
            self.file = sys.stderr

    def enabled_for(self, category):
        if self.prefixes is None:
            return False
        for p in self.prefixes:
            if category.startswith(p):
                return True
        return False

    def out(self):
        self.open()
        if not self.own_file:
            # keep the order with what print() wrote
            sys.stdout.flush()
        return self.file


_log = _DebugLog()


@cpython_only
def _timestamp():
    return time.perf_counter_ns()


@cpython_only
def debug_print(*args):
    """Write the arguments, separated by spaces, as one line to the debug log
    if have_debug_prints()."""
    _debug_write(" ".join([str(a) for a in args]))


@cpython_only
def _debug_write(text):
    """Write one line of text to the debug log if have_debug_prints() (what
    debug_print does once its arguments are strings)."""
    if not have_debug_prints():
        return
    f = _log.out()
    f.write(text + "\n")


@cpython_only
def debug_start(category, timestamp=False):
    """Open a debug section of the given category (see the module doc).
    Returns the timestamp if asked."""
    _log.open()
    active = _log.enabled_for(category)
    _log.levels.append(active)
    c = _timestamp()
    if active or _log.profile:
        _log.out().write("[%x] {%s\n" % (c, category))
    if timestamp:
        return c
    return None


@cpython_only
def debug_stop(category, timestamp=False):
    """Close the debug section opened by debug_start(category)."""
    _log.open()
    c = _timestamp()
    if _log.levels:
        active = _log.levels.pop()
    else:
        active = False
    if active or _log.profile:
        _log.out().write("[%x] %s}\n" % (c, category))
    if timestamp:
        return c
    return None


@cpython_only
def have_debug_prints():
    """Whether debug_print() writes anything at this point."""
    _log.open()
    if not _log.levels:
        return True
    return _log.levels[-1]


@cpython_only
def have_debug_prints_for(category_prefix):
    """Whether debug prints are enabled for some category starting with
    category_prefix (or at this point)."""
    _log.open()
    if have_debug_prints():
        return True
    if _log.prefixes is None:
        return False
    for p in _log.prefixes:
        if p.startswith(category_prefix) or category_prefix.startswith(p):
            return True
    return False


@cpython_only
def debug_flush():
    """Flush the debug log output."""
    _log.open()
    _log.file.flush()


@cpython_only
def debug_offset():
    """The current offset in the log file, or -1 if the log does not go to a
    regular file."""
    _log.open()
    if not _log.own_file:
        return -1
    try:
        _log.file.flush()
        return _log.file.tell()
    except (OSError, ValueError):
        return -1


@cpython_only
def fatalerror(msg):
    """Abort the program with a fatal error (and the RPython traceback)."""
    raise FatalError(msg)


@cpython_only
def fatalerror_notb(msg):
    """Abort the program with a fatal error, without printing a traceback."""
    raise FatalError(msg)


def debug_print_traceback():
    """Print the RPython traceback of the pending exception (no-op on CPython)."""
    pass


@cpython_only
def ll_assert(cond, msg):
    """Assert a low-level invariant: raise AssertionError(msg) if cond is false."""
    if not cond:
        raise AssertionError(msg)


def ll_assert_not_none(x):
    """Assert that x is not None; returns x."""
    assert x is not None
    return x


@cpython_only
def make_sure_not_resized(l):
    """Hint that the list l is never resized (a fixed-size list). Returns l."""
    return l


def mark_dict_non_null(d):
    """Hint that the dict d never has None keys or values. Returns d."""
    return d


def check_nonneg(x):
    """Assert that x is a non-negative int. Returns x."""
    assert x >= 0
    return x


def check_regular_int(x):
    """Assert that x is a plain int (not a fixed-width integer). Returns x."""
    return x
