# with over user classes: __enter__/__exit__ order, `as`, __exit__ on exception, return, break.
# expect: enter a
# expect: body a True
# expect: exit a
# expect: closed True
# expect: enter b
# expect: body b
# expect: exit b
# expect: caught ValueError, open? False
# expect: enter outer
# expect: enter inner
# expect: body inner outer
# expect: exit inner
# expect: exit outer
# expect: enter c
# expect: exit c
# expect: returned 42
# expect: enter loop0
# expect: body 0
# expect: exit loop0
# expect: enter loop1
# expect: exit loop1
# expect: enter x
# expect: enter y
# expect: exit y
# expect: exit x
# expect: caught KeyError after both exits
# expect: handle log: hello world (2 writes) closed True
# expect: enters 9 exits 9


class Stats:
    def __init__(self):
        self.enters = 0
        self.exits = 0


STATS = Stats()


class Resource:
    def __init__(self, name):
        self.name = name
        self.open = False

    def __enter__(self):
        print("enter", self.name)
        self.open = True
        STATS.enters += 1
        return self

    def __exit__(self, exc_type, exc_value, tb):
        print("exit", self.name)
        self.open = False
        STATS.exits += 1


class Handle:
    def __init__(self):
        self.text = ""
        self.writes = 0
        self.closed = False

    def write(self, s):
        if self.writes > 0:
            self.text += " "
        self.text += s
        self.writes += 1


class Opener:
    def __init__(self):
        self.handle = Handle()

    def __enter__(self):
        return self.handle

    def __exit__(self, exc_type, exc_value, tb):
        self.handle.closed = True


def early():
    with Resource("c"):
        return 42
    return 0


def entry_point(argv):
    with Resource("a") as r:
        print("body", r.name, r.open)
    print("closed", not r.open)
    r2 = Resource("b")
    try:
        with r2:
            print("body b")
            if len(argv) > 0:
                raise ValueError("inside with")
            print("not reached")
    except ValueError:
        print("caught ValueError, open?", r2.open)
    with Resource("outer") as o:
        with Resource("inner") as i:
            print("body", i.name, o.name)
    print("returned", early())
    for k in range(3):
        with Resource("loop" + str(k)):
            if k == 1:
                break
            print("body", k)
    try:
        with Resource("x"):
            with Resource("y"):
                raise KeyError("deep")
    except KeyError:
        print("caught KeyError after both exits")
    with Opener() as h:
        h.write("hello")
        h.write("world")
    print("handle log:", h.text, "(" + str(h.writes) + " writes) closed", h.closed)
    print("enters", STATS.enters, "exits", STATS.exits)
    return 0


def target(driver, args):
    return entry_point, None
