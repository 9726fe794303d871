# The Brainfuck interpreter running bench.b from the shared data (a loop-heavy program).
# bench-args: targets/bf/loops.b
# bench-args-large: ../shared/data/bf/bench.b
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from targetbf import entry_point  # noqa: E402


def target(driver, args):
    return entry_point, None
