# The minilang AST interpreter running recursive fib (calls, closures' environments, arithmetic).
# bench-args: targets/minilang/bench/fib25.ml
# bench-args-large: targets/minilang/bench/fib27.ml
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from targetminilang import entry_point  # noqa: E402


def target(driver, args):
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 20000))
    return entry_point, None
