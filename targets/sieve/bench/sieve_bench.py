# The sieve target as a benchmark: primes up to N.
# bench-args: 3000000
# bench-args-large: 30000000
import sys
import os

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from targetsieve import entry_point  # noqa: E402


def target(driver, args):
    return entry_point, None
