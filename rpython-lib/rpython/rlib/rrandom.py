"""The Mersenne Twister MT19937 pseudo-random generator, as RPython's ``Random``.

``Random(seed=0)`` seeds the generator with ``init_genrand(seed)`` (the
reference MT19937 seeding of one 32-bit integer; note that CPython's
``random.Random(n)`` seeds with ``init_by_array([n])`` instead, which this
class offers as ``init_by_array``).  Methods:

* ``genrand32()``: the next 32-bit output, an int in [0, 2**32);
* ``random()``: a float in [0.0, 1.0) with 53 random bits, from two outputs
  (``a = genrand32() >> 5``, ``b = genrand32() >> 6``,
  ``(a * 67108864.0 + b) * (1.0 / 9007199254740992.0)``), the same formula
  as CPython's ``random.random()``;
* ``init_genrand(s)``, ``init_by_array(key)`` (a list of ints, each taken
  modulo 2**32) and ``jumpahead(n)`` (Python 2's state shuffle).

The state is a list of 624 ints, each kept in [0, 2**32) with explicit masks,
so the same code gives the same sequence on CPython and translated (where
ints are 64-bit machine words; no intermediate result exceeds 2**63).
"""

N = 624
M = 397
MATRIX_A = 0x9908b0df
UPPER_MASK = 0x80000000
LOWER_MASK = 0x7fffffff
MASK_32 = 0xffffffff


class Random(object):
    """A Mersenne Twister generator."""

    def __init__(self, seed=0):
        self.state = [0] * N
        self.index = N
        self.init_genrand(seed)

    def init_genrand(self, s):
        """Seed with one 32-bit integer (s is taken modulo 2**32)."""
        mt = self.state
        mt[0] = s & MASK_32
        i = 1
        while i < N:
            prev = mt[i - 1]
            mt[i] = (1812433253 * (prev ^ (prev >> 30)) + i) & MASK_32
            i += 1
        self.index = N

    def init_by_array(self, init_key):
        """Seed with a list of 32-bit integers (as CPython's random.seed(n)
        does with the 32-bit digits of n, least significant first)."""
        self.init_genrand(19650218)
        mt = self.state
        key_length = len(init_key)
        i = 1
        j = 0
        if N > key_length:
            k = N
        else:
            k = key_length
        while k > 0:
            prev = mt[i - 1]
            mixed = ((prev ^ (prev >> 30)) * 1664525) & MASK_32
            mt[i] = ((mt[i] ^ mixed) + (init_key[j] & MASK_32) + j) & MASK_32
            i += 1
            j += 1
            if i >= N:
                mt[0] = mt[N - 1]
                i = 1
            if j >= key_length:
                j = 0
            k -= 1
        k = N - 1
        while k > 0:
            prev = mt[i - 1]
            mixed = ((prev ^ (prev >> 30)) * 1566083941) & MASK_32
            mt[i] = ((mt[i] ^ mixed) - i) & MASK_32
            i += 1
            if i >= N:
                mt[0] = mt[N - 1]
                i = 1
            k -= 1
        mt[0] = 0x80000000
        self.index = N

    def _twist(self):
        mt = self.state
        kk = 0
        while kk < N:
            y = (mt[kk] & UPPER_MASK) | (mt[(kk + 1) % N] & LOWER_MASK)
            v = mt[(kk + M) % N] ^ (y >> 1)
            if y & 1:
                v = v ^ MATRIX_A
            mt[kk] = v
            kk += 1
        self.index = 0

    def genrand32(self):
        """The next output: an int in [0, 2**32)."""
        if self.index >= N:
            self._twist()
        y = self.state[self.index]
        self.index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c5680
        y ^= (y << 15) & 0xefc60000
        y ^= y >> 18
        return y & MASK_32

    def random(self):
        """A float in [0.0, 1.0), with 53 random bits."""
        a = self.genrand32() >> 5
        b = self.genrand32() >> 6
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)

    def jumpahead(self, n):
        """Change the state in a way that depends on n (Python 2's
        ``jumpahead``: a permutation of the state words chosen by n, then
        word i incremented by i + 1)."""
        mt = self.state
        i = N - 1
        while i > 1:
            j = n % i
            tmp = mt[i]
            mt[i] = mt[j]
            mt[j] = tmp
            i -= 1
        nonzero = False
        i = 0
        while i < N:
            mt[i] = (mt[i] + i + 1) & MASK_32
            if mt[i] != 0:
                nonzero = True
            i += 1
        if not nonzero:
            mt[0] = 0x80000000
        self.index = N
