# Bare raise re-raising, a new raise in a handler, nested try blocks, propagation through calls.
# expect: 1 ok 22
# expect: 2 ok 24
# expect: 3 Err depth 3 path /l2/l1
# expect: 7 converted
# expect: nest abcd abVd abI
# expect: reraise outer got it
# expect: deep 50 True
# expect: handler state 2 True
# expect: loop 0 1 r 2 3 r 4


class Err(Exception):
    def __init__(self, depth):
        self.depth = depth
        self.path = ""


def level3(n):
    if n > 2:
        raise Err(3)
    return n


def level2(n):
    try:
        return level3(n) + 10
    except Err as e:
        e.path += "/l2"
        raise


def level1(n):
    try:
        return level2(n) * 2
    except Err as e:
        e.path += "/l1"
        if n > 5:
            raise ValueError("converted")
        raise


def top(n):
    try:
        r = level1(n)
        return "ok " + str(r)
    except Err as e:
        return "Err depth " + str(e.depth) + " path " + e.path
    except ValueError:
        return "converted"


def nest(n):
    out = ""
    try:
        out += "a"
        try:
            out += "b"
            if n == 1:
                raise ValueError
            if n == 2:
                raise IndexError
            out += "c"
        except ValueError:
            out += "V"
        out += "d"
    except IndexError:
        out += "I"
    return out


def reraise_twice():
    try:
        try:
            raise KeyError("k")
        except KeyError:
            raise
    except LookupError:
        return "outer got it"
    return "not reached"


def deep(n):
    if n == 0:
        raise Err(0)
    try:
        return deep(n - 1) + 1
    except Err as e:
        e.depth += 1
        raise


def entry_point(argv):
    for n in [1, 2, 3, 7]:
        print(n, top(n))
    print("nest", nest(0), nest(1), nest(2))
    print("reraise", reraise_twice())
    try:
        deep(50)
    except Err as e:
        print("deep", e.depth, e.path == "")
    state = 0
    try:
        try:
            state = 1
            raise Err(5)
        except Err:
            state = 2
            raise
    except Err as e2:
        print("handler state", state, e2.depth == 5)
    out = "loop"
    for i in range(5):
        try:
            try:
                if i == 2 or i == 4:
                    raise Err(i)
                out += " " + str(i)
            except Err:
                out += " r"
                raise
        except Err as e3:
            out += " " + str(e3.depth)
    print(out)
    return 0


def target(driver, args):
    return entry_point, None
