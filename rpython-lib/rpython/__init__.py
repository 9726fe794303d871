"""The `rpython` package: RPython's library, as plain Python that runs on CPython.

The translator gives these names their translated meaning; on CPython they
behave as documented in each module so that programs can be tested untranslated.
"""
