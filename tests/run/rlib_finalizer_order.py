# Finalizer queues in order: when registered objects die together, one that another refers to
# is queued only after that other one has been taken from the queue and has died in turn (a
# chain of three dies one link per collection), as in RPython; CPython behaves the same because
# the queued object keeps what it refers to alive. Objects no other dead one refers to are
# queued together, oldest first; an unregistered object in between does not change the order.
# expect: first ['a0', 'b0', 'c0']
# expect: second ['a1', 'b1', 'c1']
# expect: third ['a2', 'b2', 'c2']
# expect: after []
# expect: middle ['head'] triggered True
# expect: then ['tail']

from rpython.rlib import rgc


class Flag:
    def __init__(self):
        self.triggered = False


flag = Flag()


class Res:
    def __init__(self, name, nxt):
        self.name = name
        self.nxt = nxt
        self.via = None


class Plain:
    def __init__(self, target):
        self.target = target


class ResQueue(rgc.FinalizerQueue):
    Class = Res

    def finalizer_trigger(self):
        flag.triggered = True


queue = ResQueue()


def make_chains():
    # Registered innermost first: the order of registration is not the order of queueing.
    for tag in ["a", "b", "c"]:
        last = None
        for i in [2, 1, 0]:
            r = Res(tag + str(i), last)
            queue.register_finalizer(r)
            last = r


def drain():
    # The objects taken stay alive until the queue is empty (CPython would otherwise free each
    # one as soon as it is dropped, and queue what it refers to within this loop).
    taken = []
    while True:
        r = queue.next_dead()
        if r is None:
            break
        taken.append(r)
    names = []
    for r in taken:
        names.append(r.name)
    names.sort()
    return names


def churn():
    for i in range(3000):
        [i, i, i]


def make_indirect():
    tail = Res("tail", None)
    queue.register_finalizer(tail)
    head = Res("head", None)
    queue.register_finalizer(head)
    head.via = Plain(tail)


def entry_point(argv):
    make_chains()
    churn()
    rgc.collect()
    print("first", drain())
    rgc.collect()
    print("second", drain())
    rgc.collect()
    print("third", drain())
    rgc.collect()
    print("after", drain())
    make_indirect()
    churn()
    rgc.collect()
    print("middle", drain(), "triggered", flag.triggered)
    rgc.collect()
    print("then", drain())
    return 0


def target(driver, args):
    return entry_point, None
