"""Helper module imported by some error tests (not a test itself)."""


def helper(x):
    return x + 1
