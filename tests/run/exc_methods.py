# Exceptions from virtually dispatched methods; exception classes with methods and instance fields.
# expect: div 5 -> 2
# expect: div 0 -> ZeroDivision: integer division by zero [arith]
# expect: neg 5 -> ValueRange: negative result [app]
# expect: neg 9 -> 4
# expect: lookup 1 -> 20
# expect: lookup 7 -> OutOfRange: index 7 [app] context list
# expect: handled 3 ok 3
# expect: last kind OutOfRange has context True
# expect: saved error re-raised: ZeroDivision
# expect: catch-all 6


class AppError(Exception):
    def __init__(self, kind, msg):
        self.kind = kind
        self.msg = msg
        self.context = None

    def category(self):
        return "app"

    def render(self):
        s = self.kind + ": " + self.msg + " [" + self.category() + "]"
        if self.context is not None:
            s += " context " + self.context.name
        return s


class ArithError(AppError):
    def category(self):
        return "arith"


class Context:
    def __init__(self, name):
        self.name = name


class Op:
    def apply(self, n):
        return n


class Div(Op):
    def apply(self, n):
        if n == 0:
            raise ArithError("ZeroDivision", "integer division by zero")
        return 10 // n


class Neg(Op):
    def apply(self, n):
        if n < 8:
            raise AppError("ValueRange", "negative result")
        return n - 5


class Lookup(Op):
    def __init__(self, items):
        self.items = items

    def apply(self, n):
        if n >= len(self.items):
            err = AppError("OutOfRange", "index " + str(n))
            err.context = Context("list")
            raise err
        return self.items[n]


def entry_point(argv):
    cases = [("div", Div(), 5), ("div", Div(), 0), ("neg", Neg(), 5), ("neg", Neg(), 9),
             ("lookup", Lookup([10, 20]), 1), ("lookup", Lookup([10, 20]), 7)]
    handled = 0
    ok = 0
    last = None
    saved = None
    for name, op, arg in cases:
        try:
            r = op.apply(arg)
            print(name, arg, "->", r)
            ok += 1
        except AppError as e:
            print(name, arg, "->", e.render())
            handled += 1
            last = e
            if isinstance(e, ArithError):
                saved = e
    print("handled", handled, "ok", ok)
    if last is not None:
        print("last kind", last.kind, "has context", last.context is not None)
    try:
        if saved is not None:
            raise saved
    except ArithError as e2:
        print("saved error re-raised:", e2.kind)
    n = 0
    for name, op, arg in cases:
        try:
            op.apply(arg)
        except Exception:
            pass
        n += 1
    print("catch-all", n)
    return 0


def target(driver, args):
    return entry_point, None
