# rgc.FinalizerQueue: registered instances that die are kept alive (with what they refer to) and
# queued; finalizer_trigger() is called after the collection (it only sets a flag, as a light
# function must); next_dead() returns them, then None. Objects alive are not queued, and an
# object taken from the queue is not queued again when it dies for good.
# expect: nothing yet False True
# expect: triggered True
# expect: dead [0, 2, 4, 6, 8] payloads 40
# expect: empty True
# expect: alive ones stay 5
# expect: again True [1, 3, 5, 7, 9]
# expect: not requeued False

from rpython.rlib import rgc


class Flag:
    def __init__(self):
        self.triggered = False


flag = Flag()


class Payload:
    def __init__(self, n):
        self.n = n


class Conn:
    def __init__(self, n):
        self.n = n
        self.payload = Payload(n * 2)


class ConnQueue(rgc.FinalizerQueue):
    Class = Conn

    def finalizer_trigger(self):
        flag.triggered = True


queue = ConnQueue()


def open_all(n, keep):
    for i in range(n):
        c = Conn(i)
        queue.register_finalizer(c)
        if i % 2 == 1:
            keep.append(c)


def drain():
    out = []
    while True:
        c = queue.next_dead()
        if c is None:
            break
        out.append(c)
    return out


def numbers(conns):
    ns = []
    for c in conns:
        ns.append(c.n)
    ns.sort()
    return ns


def entry_point(argv):
    print("nothing yet", flag.triggered, queue.next_dead() is None)
    keep = []
    open_all(10, keep)
    for i in range(5000):
        [i, i]
    rgc.collect()
    print("triggered", flag.triggered)
    dead = drain()
    total = 0
    for c in dead:
        total += c.payload.n
    print("dead", numbers(dead), "payloads", total)
    print("empty", queue.next_dead() is None)
    flag.triggered = False
    rgc.collect()
    print("alive ones stay", len(keep))
    keep = []
    rgc.collect()
    print("again", flag.triggered, numbers(drain()))
    dead = []
    flag.triggered = False
    rgc.collect()
    print("not requeued", flag.triggered)
    return 0


def target(driver, args):
    return entry_point, None
