"""The marker of the library's functions that only run on CPython.

A function of the `rpython` library decorated with `cpython_only` has no translated meaning
(yet): calling it from translated code is reported as not supported, instead of translating
its Python body. Every other function of the library is ordinary RPython and is translated
like the program's own code (unless the translator gives it a built-in meaning).
"""


def cpython_only(func):
    """Mark func as running on CPython only."""
    func._cpython_only_ = True
    return func
