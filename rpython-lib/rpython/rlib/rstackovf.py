"""``rpython.rlib.rstackovf``: running out of stack, as RPython reports it.

``StackOverflow`` is what a translated program raises when a call would go deeper than its
stack allows; here it is Python 3's ``RecursionError`` (a ``RuntimeError``), which CPython raises
at its recursion limit and the translated program's stack check raises too, so one ``except
StackOverflow:`` works in both. ``check_stack_overflow()`` is called first thing in such an
``except`` clause: RPython's version re-raises, untranslated, a ``RuntimeError`` that is not
about recursion, which its ``StackOverflow`` (all of ``RuntimeError`` before translation) would
have caught; ``StackOverflow`` catches nothing else here, so there is nothing left to check.
"""

StackOverflow = RecursionError


def check_stack_overflow():
    """Nothing to do: ``except StackOverflow`` catches only running out of stack."""
