# The n-queens target as a benchmark: counting solutions by backtracking.
# bench-args: 10
# bench-args-large: 12
import sys
import os

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from targetnqueens import entry_point  # noqa: E402


def target(driver, args):
    return entry_point, None
