# A finalizer queue of GCREFs (`Class = None`): objects of unrelated classes registered through
# rgc.cast_instance_to_gcref, handed back by next_dead() as GCREFs, told apart by their type
# index and cast back to their class. In order, as for any queue: a file is queued before the
# buffer it refers to.
# expect: first ['file 1', 'file 2', 'socket 7']
# expect: then ['buffer 10', 'buffer 20']
# expect: empty True

from rpython.rlib import rgc


class Flag:
    def __init__(self):
        self.triggered = False


flag = Flag()


class Buffer:
    def __init__(self, size):
        self.size = size


class File:
    def __init__(self, n, buf):
        self.n = n
        self.buf = buf


class Socket:
    def __init__(self, port):
        self.port = port


class Handles(rgc.FinalizerQueue):
    Class = None

    def finalizer_trigger(self):
        flag.triggered = True


handles = Handles()


def open_some():
    for n in [1, 2]:
        b = Buffer(n * 10)
        handles.register_finalizer(rgc.cast_instance_to_gcref(b))
        f = File(n, b)
        handles.register_finalizer(rgc.cast_instance_to_gcref(f))
    handles.register_finalizer(rgc.cast_instance_to_gcref(Socket(7)))


def describe(g, kinds):
    assert g is not None
    t = rgc.get_rpy_type_index(g)
    if t == kinds[0]:
        return "file " + str(rgc.cast_gcref_to_instance(File, g).n)
    if t == kinds[1]:
        return "buffer " + str(rgc.cast_gcref_to_instance(Buffer, g).size)
    return "socket " + str(rgc.cast_gcref_to_instance(Socket, g).port)


def drain(kinds):
    taken = []
    while True:
        g = handles.next_dead()
        if not g:
            break
        taken.append(g)
    names = []
    for g in taken:
        names.append(describe(g, kinds))
    names.sort()
    return names


def entry_point(argv):
    sample_buf = Buffer(0)
    sample_file = File(0, sample_buf)
    kinds = [rgc.get_rpy_type_index(rgc.cast_instance_to_gcref(sample_file)),
             rgc.get_rpy_type_index(rgc.cast_instance_to_gcref(sample_buf))]
    open_some()
    for i in range(3000):
        [i, i]
    rgc.collect()
    print("first", drain(kinds))
    rgc.collect()
    print("then", drain(kinds))
    rgc.collect()
    print("empty", handles.next_dead() is None)
    return 0


def target(driver, args):
    return entry_point, None
