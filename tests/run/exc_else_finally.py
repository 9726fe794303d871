# try/except/else/finally: which clauses run for normal, caught, propagating and re-raised cases.
# expect: step0: body0 else finally after
# expect: step1: except finally after
# expect: step2: finally | caller caught IndexError
# expect: step3: body3 else finally | caller caught KeyError
# expect: step4: except finally | caller caught RuntimeError
# expect: nested: inner-finally outer-except outer-finally end
# expect: values 10 11 12
# expect: count 5 3


class Trace:
    def __init__(self):
        self.items = []

    def add(self, s):
        self.items.append(s)

    def dump(self, prefix):
        s = prefix + ":"
        for it in self.items:
            s += " " + it
        self.items = []
        return s


TRACE = Trace()


def step(n):
    try:
        if n == 1 or n == 4:
            raise ValueError
        if n == 2:
            raise IndexError
        TRACE.add("body" + str(n))
    except ValueError:
        TRACE.add("except")
        if n == 4:
            raise RuntimeError("from handler")
    else:
        TRACE.add("else")
        if n == 3:
            raise KeyError("from else")
    finally:
        TRACE.add("finally")
    TRACE.add("after")


def nested():
    try:
        try:
            raise ValueError
        finally:
            TRACE.add("inner-finally")
    except ValueError:
        TRACE.add("outer-except")
    finally:
        TRACE.add("outer-finally")
    TRACE.add("end")


def compute(x):
    result = 0
    try:
        result = x * 10
    finally:
        result += 1
    return result


def entry_point(argv):
    caught = 0
    steps = 0
    for n in range(5):
        steps += 1
        try:
            step(n)
        except IndexError:
            TRACE.add("| caller caught IndexError")
            caught += 1
        except KeyError:
            TRACE.add("| caller caught KeyError")
            caught += 1
        except RuntimeError:
            TRACE.add("| caller caught RuntimeError")
            caught += 1
        print(TRACE.dump("step" + str(n)))
    nested()
    print(TRACE.dump("nested"))
    a = 10
    b = 0
    try:
        b = a + 1
    except ValueError:
        b = -1
    else:
        b += 1
    print("values", a, compute(1), b)
    print("count", steps, caught)
    return 0


def target(driver, args):
    return entry_point, None
