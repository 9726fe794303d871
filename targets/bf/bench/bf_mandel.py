# The Brainfuck interpreter rendering the Mandelbrot set (mandel.b from the shared data).
# bench-args: ../shared/data/bf/mandel.b
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from targetbf import entry_point  # noqa: E402


def target(driver, args):
    return entry_point, None
