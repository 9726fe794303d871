# Prebuilt instances (singletons, tables, a cycle) read and mutated at run time.
# expect: bool bool NoneType
# expect: True True True False True
# expect: values True False
# expect: depth 0 max 2
# expect: uses nop 1 push 3 pop 1 add 2
# expect: tuple add 2 True push
# expect: walk A B C A B C A
# expect: visits 3 2 2
# expect: walk A B C D A
# expect: cycle back True True
# expect: stats 3 eval,walk,walk


class W_Root:
    def type_name(self):
        return "object"

    def is_none(self):
        return False


class W_NoneObject(W_Root):
    def type_name(self):
        return "NoneType"

    def is_none(self):
        return True


class W_BoolObject(W_Root):
    def __init__(self, value):
        self.value = value

    def type_name(self):
        return "bool"


w_None = W_NoneObject()
w_True = W_BoolObject(True)
w_False = W_BoolObject(False)


def wrap_bool(b):
    if b:
        return w_True
    return w_False


class Opcode:
    def __init__(self, name, effect):
        self.name = name
        self.effect = effect
        self.uses = 0


OPCODES = [Opcode("nop", 0), Opcode("push", 1), Opcode("pop", -1), Opcode("add", -1)]
OPS_TUPLE = (OPCODES[3], OPCODES[1])


class Station:
    def __init__(self, name):
        self.name = name
        self.next = None
        self.visits = 0


A = Station("A")
B = Station("B")
C = Station("C")
A.next = B
B.next = C
C.next = A


class Stats:
    def __init__(self):
        self.calls = 0
        self.log = []


STATS = Stats()


def record(name):
    STATS.calls += 1
    STATS.log.append(name)


def walk(start, n):
    record("walk")
    s = "walk"
    st = start
    for i in range(n):
        s += " " + st.name
        st.visits += 1
        st = st.next
    return s


def entry_point(argv):
    record("eval")
    results = [wrap_bool(1 < 2), wrap_bool(len(argv) > 5), w_None]
    print(results[0].type_name(), results[1].type_name(), results[2].type_name())
    print(results[0] is w_True, results[1] is w_False, results[2] is w_None,
          results[0].is_none(), results[2].is_none())
    print("values", w_True.value, w_False.value)
    depth = 0
    top = 0
    for code in [1, 1, 3, 2, 0, 1, 3]:
        op = OPCODES[code]
        op.uses += 1
        depth += op.effect
        if depth > top:
            top = depth
    print("depth", depth, "max", top)
    print("uses", OPCODES[0].name, OPCODES[0].uses, OPCODES[1].name, OPCODES[1].uses,
          OPCODES[2].name, OPCODES[2].uses, OPCODES[3].name, OPCODES[3].uses)
    print("tuple", OPS_TUPLE[0].name, OPS_TUPLE[0].uses, OPS_TUPLE[0] is OPCODES[3],
          OPS_TUPLE[1].name)
    print(walk(A, 7))
    print("visits", A.visits, B.visits, C.visits)
    d = Station("D")
    C.next = d
    d.next = A
    print(walk(A, 5))
    print("cycle back", d.next is A, A.next.next.next is d)
    s = ""
    for name in STATS.log:
        if s != "":
            s += ","
        s += name
    print("stats", STATS.calls, s)
    return 0


def target(driver, args):
    return entry_point, None
