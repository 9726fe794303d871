# rgc.add_memory_pressure: objects that stand for a lot of raw memory (a megabyte each, said to
# the collector) but are small themselves, each kept alive long enough to grow old, then dropped.
# Translated, the generational collector's next major collection comes sooner with each
# megabyte, so the dead ones are destroyed (their light `__del__` counts them) long before the
# old generation's own growth would start a major collection; CPython destroys each as soon as
# it is dropped. Either way, no more than a bounded number are ever alive and not yet destroyed.
# The estimate may come with the object that holds the memory, or alone. A small nursery makes
# every buffer old before it is dropped.
# env: PYPY_GC_NURSERY=64K
# expect: created 600
# expect: bounded True
# expect: freed all True

from rpython.rlib import rgc


class Stats:
    def __init__(self):
        self.created = 0
        self.freed = 0
        self.most_alive = 0


stats = Stats()

MEGABYTE = 1 << 20


class Buffer:
    def __init__(self, n):
        self.n = n
        stats.created += 1
        if n % 2 == 0:
            rgc.add_memory_pressure(MEGABYTE, self)
        else:
            rgc.add_memory_pressure(MEGABYTE)

    @rgc.must_be_light_finalizer
    def __del__(self):
        stats.freed += 1


def churn():
    # A few young lists, so that minor collections happen (and make the buffers old).
    total = 0
    for i in range(4):
        items = [i] * 2000
        total += len(items)
    return total


def run(n):
    ring = [Buffer(i) for i in range(8)]
    for i in range(8, n):
        ring[i % 8] = Buffer(i)
        churn()
        alive = stats.created - stats.freed
        if alive > stats.most_alive:
            stats.most_alive = alive
    return len(ring)


def entry_point(argv):
    run(600)
    print("created", stats.created)
    # Without the pressure, nothing would start a major collection here: the buffers are tiny.
    print("bounded", stats.most_alive <= 200)
    rgc.collect()
    print("freed all", stats.freed >= stats.created - 8)
    return 0


def target(driver, args):
    return entry_point, None
