"""Debugging helpers."""

import sys


def debug_print(*args):
    """Print the arguments, separated by spaces, to stderr."""
    sys.stderr.write(" ".join([str(a) for a in args]) + "\n")


def ll_assert(cond, msg):
    """Assert a low-level invariant: raise AssertionError(msg) if cond is false."""
    if not cond:
        raise AssertionError(msg)


def make_sure_not_resized(l):
    """Hint that the list l is never resized (a fixed-size list). Returns l."""
    return l


def check_nonneg(x):
    """Assert that x is a non-negative int. Returns x."""
    assert x >= 0
    return x
