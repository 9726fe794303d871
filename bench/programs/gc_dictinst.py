# GC and dict benchmark: a dict mapping int keys to instances, driven by a deterministic
# pseudo-random sequence of operations: inserts and overwrites with new instances (the old ones
# become garbage), in-place updates of the instance found, and lookups. A plain list of ints
# shadows the expected value of every key and checks each lookup.
# Argument: the number of operations (the key space is a tenth of it, at least 16).
# bench-args: 1000000
# bench-args-large: 5000000


class Entry(object):
    def __init__(self, key, value, serial):
        self.key = key
        self.value = value
        self.serial = serial


class Lcg(object):
    def __init__(self, seed):
        self.state = seed

    def next(self, bound):
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return (self.state >> 4) % bound


def entry_point(argv):
    ops = 100000
    if len(argv) > 1:
        ops = int(argv[1])
    keyspace = ops // 10
    if keyspace < 16:
        keyspace = 16
    rng = Lcg(12345)
    table = {}
    shadow = [-1] * keyspace
    created = 0
    hits = 0
    misses = 0
    mismatches = 0
    checksum = 0
    for n in range(ops):
        # Keys are spread over a large int range so the dict hashes real values.
        slot = rng.next(keyspace)
        key = slot * 7919 + 1000003
        op = rng.next(8)
        if op < 3:
            # Insert or overwrite with a fresh instance.
            table[key] = Entry(key, n, created)
            created += 1
            shadow[slot] = n
        elif op < 5:
            # Update the instance in place if present, else insert.
            e = table.get(key, None)
            if e is None:
                table[key] = Entry(key, n, created)
                created += 1
                shadow[slot] = n
            else:
                e.value = e.value + 1
                shadow[slot] = shadow[slot] + 1
        else:
            # Lookup.
            if key in table:
                e = table[key]
                hits += 1
                checksum = (checksum * 31 + e.value + e.serial) % 1000000007
                if e.value != shadow[slot] or e.key != key:
                    mismatches += 1
            else:
                misses += 1
                if shadow[slot] != -1:
                    mismatches += 1
    # Final pass over the dict: every key's value agrees with the shadow list.
    present = 0
    for slot in range(keyspace):
        if shadow[slot] != -1:
            present += 1
    for key in table:
        e = table[key]
        slot = (key - 1000003) // 7919
        if e.key != key or e.value != shadow[slot]:
            mismatches += 1
    print("gc_dictinst ops:", ops, "keys:", len(table), "instances:", created, "hits:", hits,
          "misses:", misses, "checksum:", checksum)
    if mismatches != 0 or len(table) != present:
        print("gc_dictinst: WRONG RESULT,", mismatches, "mismatches,", len(table), "keys,",
              present, "expected")
        return 1
    return 0


def target(driver, args):
    return entry_point, None
