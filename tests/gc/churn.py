# Allocates about 1 KB of short-lived objects per iteration (a list of 128 ints and its item
# array), keeping only a few small strings: with argv[1] = 1000000, about 1 GB in total. The run
# tests translate it with --gc=boehm and run it under a heap limit far below that, which it can
# only survive if the collector really collects.


def entry_point(argv):
    n = int(argv[1])
    total = 0
    keep = []
    for i in range(n):
        chunk = [i] * 128
        total += len(chunk) + chunk[127] % 3
        if i % 100000 == 0:
            keep.append(str(i))
    print(total, len(keep))
    return 0


def target(driver, args):
    return entry_point, None
