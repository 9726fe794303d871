"""Sieve of Eratosthenes.

    targetsieve-c [N]

prints how many primes there are up to N (default 100) and the last few.
"""

DEFAULT_LIMIT = 100
SHOW_LAST = 5


def sieve(limit):
    """Returns a list of flags: flags[i] == 1 iff i is prime."""
    flags = [1] * (limit + 1)
    flags[0] = 0
    if limit >= 1:
        flags[1] = 0
    i = 2
    while i * i <= limit:
        if flags[i]:
            for j in range(i * i, limit + 1, i):
                flags[j] = 0
        i += 1
    return flags


def collect_last(flags, count):
    """The last `count` primes, in increasing order."""
    found = []
    for i in range(len(flags) - 1, 1, -1):
        if len(found) == count:
            break
        if flags[i]:
            found.append(i)
    result = []
    while len(found) > 0:
        result.append(found.pop())
    return result


def entry_point(argv):
    limit = DEFAULT_LIMIT
    if len(argv) > 1:
        limit = int(argv[1])
    if limit < 0:
        print("error: N must not be negative")
        return 1
    flags = sieve(limit)
    count = 0
    for flag in flags:
        count += flag
    print("primes up to", limit, "->", count)
    last = collect_last(flags, SHOW_LAST)
    line = "last:"
    for p in last:
        line += " " + str(p)
    print(line)
    return 0


def target(driver, args):
    driver.exe_name = "targetsieve-c"
    return entry_point, None
