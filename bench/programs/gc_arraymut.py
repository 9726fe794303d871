# GC benchmark: a long-lived list of 1,000,000 references to small objects, mutated in place
# with freshly allocated objects. Once the list is old, every store of a young object into it
# goes through the write barrier, and the next minor collection must find those stores without
# scanning the whole list (card marking). Writes alternate between scattered pseudo-random
# indices and short sequential runs, and some rounds read objects back.
# Argument: the number of stores.
# bench-args: 1000000
# bench-args-large: 10000000

SIZE = 1000000
RUN = 64


class Cell(object):
    def __init__(self, value, tag):
        self.value = value
        self.tag = tag


def entry_point(argv):
    stores = 1000000
    if len(argv) > 1:
        stores = int(argv[1])
    cells = []
    total = 0
    for i in range(SIZE):
        cells.append(Cell(i, 0))
        total += i
    state = 987654321
    done = 0
    reads = 0
    read_sum = 0
    round = 0
    while done < stores:
        round += 1
        state = (state * 1103515245 + 12345) % 2147483648
        start = (state >> 3) % SIZE
        if round % 2 == 0:
            # A sequential run of stores.
            k = 0
            while k < RUN and done < stores:
                idx = (start + k) % SIZE
                v = (done * 7 + round) % 1000
                total += v - cells[idx].value
                cells[idx] = Cell(v, round)
                done += 1
                k += 1
        else:
            # Scattered stores.
            idx = start
            k = 0
            while k < RUN and done < stores:
                idx = (idx * 31 + 17) % SIZE
                v = (done * 3 + round) % 1000
                total += v - cells[idx].value
                cells[idx] = Cell(v, round)
                done += 1
                k += 1
        if round % 16 == 0:
            # Read some back.
            for k in range(RUN):
                c = cells[(start + k * 4099) % SIZE]
                read_sum = (read_sum + c.value * 3 + c.tag) % 1000000007
                reads += 1
    check = 0
    for i in range(SIZE):
        check += cells[i].value
    print("gc_arraymut stores:", done, "sum:", check, "reads:", reads, "read checksum:", read_sum)
    if check != total:
        print("gc_arraymut: WRONG RESULT, expected sum", total)
        return 1
    return 0


def target(driver, args):
    return entry_point, None
