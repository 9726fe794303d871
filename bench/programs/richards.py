# A Richards-style operating-system simulation: a scheduler over task control blocks (an idle
# task, a worker, two handlers and two devices, subclasses with a virtual `fn`), packets linked
# into queues, task states (packet pending, waiting, held) and hold/release/wait operations.
# Argument: the number of iterations; every iteration rebuilds the system, runs it to the end
# and checks the packet-queue and hold counts against the classic figures.
# bench-args: 30
# bench-args-large: 1000

ID_IDLE = 0
ID_WORKER = 1
ID_HANDLER_A = 2
ID_HANDLER_B = 3
ID_DEVICE_A = 4
ID_DEVICE_B = 5
NUM_TASKS = 6

KIND_DEVICE = 0
KIND_WORK = 1

BUFFER_SIZE = 4
IDLE_COUNT = 10000

# Task state bits.
ST_PACKET = 1
ST_WAITING = 2
ST_HELD = 4

EXPECTED_QUEUED = 23246
EXPECTED_HELD = 9297
# Not a classic figure: a checksum of the data the two devices received (computed on CPython).
EXPECTED_DEVICES = 883319408


class Packet(object):
    def __init__(self, link, dest, kind):
        self.link = link
        self.dest = dest
        self.kind = kind
        self.count = 0
        self.buffer = [0] * BUFFER_SIZE


def enqueue(pkt, queue):
    # Appends `pkt` at the end of `queue`; returns the new head.
    pkt.link = None
    if queue is None:
        return pkt
    last = queue
    while last.link is not None:
        last = last.link
    last.link = pkt
    return queue


class Scheduler(object):
    def __init__(self):
        self.table = []
        for i in range(NUM_TASKS):
            self.table.append(None)
        self.first = None
        self.queued = 0
        self.held = 0

    def add(self, task):
        task.next = self.first
        self.first = task
        self.table[task.ident] = task

    def find(self, ident):
        t = self.table[ident]
        if t is None:
            raise ValueError("no such task")
        return t

    def run(self):
        t = self.first
        while t is not None:
            if t.blocked():
                t = t.next
            else:
                t = t.step()


class Task(object):
    def __init__(self, sched, ident, priority, queue, state):
        self.sched = sched
        self.next = None
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.state = state

    def blocked(self):
        # Held, or waiting with nothing to receive.
        s = self.state
        return (s & ST_HELD) != 0 or s == ST_WAITING

    def receive(self, pkt, current):
        # A packet arrives for this task while `current` runs; returns the task to run next.
        if self.queue is None:
            self.queue = pkt
            self.state = self.state | ST_PACKET
            if self.priority > current.priority:
                return self
        else:
            self.queue = enqueue(pkt, self.queue)
        return current

    def step(self):
        pkt = None
        if self.state == ST_PACKET | ST_WAITING:
            pkt = self.queue
            self.queue = pkt.link
            if self.queue is None:
                self.state = 0
            else:
                self.state = ST_PACKET
        return self.fn(pkt)

    def fn(self, pkt):
        raise NotImplementedError

    def wait(self):
        self.state = self.state | ST_WAITING
        return self

    def hold(self):
        self.sched.held += 1
        self.state = self.state | ST_HELD
        return self.next

    def release(self, ident):
        t = self.sched.find(ident)
        t.state = t.state & ~ST_HELD
        if t.priority > self.priority:
            return t
        return self

    def send(self, pkt):
        t = self.sched.find(pkt.dest)
        self.sched.queued += 1
        pkt.link = None
        pkt.dest = self.ident
        return t.receive(pkt, self)


class IdleTask(Task):
    def __init__(self, sched, ident, priority, queue, state, count):
        Task.__init__(self, sched, ident, priority, queue, state)
        self.control = 1
        self.count = count

    def fn(self, pkt):
        self.count -= 1
        if self.count == 0:
            return self.hold()
        if (self.control & 1) == 0:
            self.control = self.control // 2
            return self.release(ID_DEVICE_A)
        self.control = (self.control // 2) ^ 0xD008
        return self.release(ID_DEVICE_B)


class WorkerTask(Task):
    def __init__(self, sched, ident, priority, queue, state):
        Task.__init__(self, sched, ident, priority, queue, state)
        self.target = ID_HANDLER_A
        self.letter = 0

    def fn(self, pkt):
        if pkt is None:
            return self.wait()
        if self.target == ID_HANDLER_A:
            self.target = ID_HANDLER_B
        else:
            self.target = ID_HANDLER_A
        pkt.dest = self.target
        pkt.count = 0
        for i in range(BUFFER_SIZE):
            self.letter += 1
            if self.letter > 26:
                self.letter = 1
            pkt.buffer[i] = 64 + self.letter
        return self.send(pkt)


class HandlerTask(Task):
    def __init__(self, sched, ident, priority, queue, state):
        Task.__init__(self, sched, ident, priority, queue, state)
        self.work = None
        self.devices = None

    def fn(self, pkt):
        if pkt is not None:
            if pkt.kind == KIND_WORK:
                self.work = enqueue(pkt, self.work)
            else:
                self.devices = enqueue(pkt, self.devices)
        work = self.work
        if work is None:
            return self.wait()
        n = work.count
        if n >= BUFFER_SIZE:
            self.work = work.link
            return self.send(work)
        dev = self.devices
        if dev is None:
            return self.wait()
        self.devices = dev.link
        dev.count = work.buffer[n]
        work.count = n + 1
        return self.send(dev)


class DeviceTask(Task):
    def __init__(self, sched, ident, priority, queue, state):
        Task.__init__(self, sched, ident, priority, queue, state)
        self.pending = None
        self.checksum = 0

    def fn(self, pkt):
        if pkt is None:
            p = self.pending
            if p is None:
                return self.wait()
            self.pending = None
            return self.send(p)
        self.pending = pkt
        self.checksum = (self.checksum * 7 + pkt.count) % 65521
        return self.hold()


def simulate():
    s = Scheduler()
    s.add(IdleTask(s, ID_IDLE, 0, None, 0, IDLE_COUNT))

    q = Packet(None, ID_WORKER, KIND_WORK)
    q = Packet(q, ID_WORKER, KIND_WORK)
    s.add(WorkerTask(s, ID_WORKER, 1000, q, ST_PACKET | ST_WAITING))

    q = Packet(None, ID_DEVICE_A, KIND_DEVICE)
    q = Packet(q, ID_DEVICE_A, KIND_DEVICE)
    q = Packet(q, ID_DEVICE_A, KIND_DEVICE)
    s.add(HandlerTask(s, ID_HANDLER_A, 2000, q, ST_PACKET | ST_WAITING))

    q = Packet(None, ID_DEVICE_B, KIND_DEVICE)
    q = Packet(q, ID_DEVICE_B, KIND_DEVICE)
    q = Packet(q, ID_DEVICE_B, KIND_DEVICE)
    s.add(HandlerTask(s, ID_HANDLER_B, 3000, q, ST_PACKET | ST_WAITING))

    dev_a = DeviceTask(s, ID_DEVICE_A, 4000, None, ST_WAITING)
    dev_b = DeviceTask(s, ID_DEVICE_B, 5000, None, ST_WAITING)
    s.add(dev_a)
    s.add(dev_b)

    s.run()
    return s.queued, s.held, dev_a.checksum * 65536 + dev_b.checksum


def entry_point(argv):
    iterations = 10
    if len(argv) > 1:
        iterations = int(argv[1])
    queued = 0
    held = 0
    devsum = 0
    for i in range(iterations):
        queued, held, devsum = simulate()
        if queued != EXPECTED_QUEUED or held != EXPECTED_HELD or devsum != EXPECTED_DEVICES:
            print("richards: WRONG RESULT in iteration", i, "queued", queued, "held", held,
                  "devices", devsum, "expected", EXPECTED_QUEUED, EXPECTED_HELD, EXPECTED_DEVICES)
            return 1
    print("richards iterations:", iterations, "queued:", queued, "held:", held,
          "devices:", devsum)
    return 0


def target(driver, args):
    return entry_point, None
