# finally runs on return, break and continue; the return value is computed before finally runs.
# expect: finally of early
# expect: early 5
# expect: finally of late
# expect: late 7
# expect: kept 1 state 2
# expect: loop 0 finally
# expect: loop 1 finally
# expect: loop 2 finally
# expect: break at 3 finally
# expect: after break 3
# expect: skip 0 finally
# expect: keep 1 finally
# expect: skip 2 finally
# expect: keep 3 finally
# expect: continue result 4 finals 4
# expect: handler return: except finally -1
# expect: nested: inner outer 22
# expect: while done 4 cleanups 4


class State:
    def __init__(self):
        self.v = 0
        self.cleanups = 0


STATE = State()


def choose(n):
    try:
        if n < 3:
            return 5
        n += 4
    finally:
        if n < 3:
            print("finally of early")
        else:
            print("finally of late")
    return n


def kept():
    x = 1
    try:
        STATE.v = 1
        return x
    finally:
        x = 2
        STATE.v = x


def from_handler(s):
    try:
        if s == "":
            raise ValueError
        return 1
    except ValueError:
        print("handler return: except", end=" ")
        return -1
    finally:
        print("finally", end=" ")


def nested(n):
    total = 0
    try:
        try:
            total += n
            return total * 2
        finally:
            print("nested: inner", end=" ")
    finally:
        print("outer", end=" ")


def entry_point(argv):
    print("early", choose(1))
    print("late", choose(3))
    print("kept", kept(), "state", STATE.v)
    i = 0
    for i in range(10):
        try:
            if i == 3:
                print("break at", i, end=" ")
                break
            print("loop", i, end=" ")
        finally:
            print("finally")
    print("after break", i)
    kept_count = 0
    finals = 0
    for j in range(4):
        try:
            if j == 0 or j == 2:
                print("skip", j, end=" ")
                continue
            print("keep", j, end=" ")
            kept_count += 1
        finally:
            print("finally")
            finals += 1
    print("continue result", kept_count * 2, "finals", finals)
    print(from_handler(""))
    print(nested(11))
    k = 0
    while True:
        try:
            k += 1
            if k > 3:
                break
        finally:
            STATE.cleanups += 1
    print("while done", k, "cleanups", STATE.cleanups)
    return 0


def target(driver, args):
    return entry_point, None
