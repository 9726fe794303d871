# Exhausting the heap is a clean fatal MemoryError (the limit is set for the translated run only;
# CPython has no such limit, so this test does not run there).
# translated-only: needs a heap limit
# env: RPY_GC_MAX_HEAP=1M
# expect: start
# fatal: MemoryError


def entry_point(argv):
    print("start")
    keep = []
    i = 0
    while True:
        keep.append(str(i) * 10)
        i += 1
    return 0


def target(driver, args):
    return entry_point, None
