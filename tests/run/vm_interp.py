# A bytecode interpreter: W_Object classes, Code, Frame, a dispatch loop, user exceptions.
# args: 10
# expect: fact -> 3628800 int steps 140
# expect: fact20 -> 2432902008176640000 int steps 270
# expect: ababab!
# expect: concat -> ----- str steps 55
# expect: [1, "two", 3, 4]
# expect: list -> [1, "two", 3, 4] list steps 12
# expect: truth no no no yes yes no yes
# expect: badadd -> error: TypeError: unsupported operand types: int + str
# expect: badlt -> error: TypeError: unsupported operand types: list < int
# expect: underflow -> vm error: stack underflow
# expect: badop -> vm error: bad opcode 99
# expect: total steps 514 errors 4

LOAD_CONST = 1
LOAD_VAR = 2
STORE_VAR = 3
ADD = 4
SUB = 5
MUL = 6
LT = 7
JUMP_IF_FALSE = 8
JUMP = 9
PRINT = 10
BUILD_LIST = 11
RETURN = 12


class OperationError(Exception):
    def __init__(self, kind, msg):
        self.kind = kind
        self.msg = msg


class VMError(Exception):
    def __init__(self, msg):
        self.msg = msg


class W_Object:
    def type_name(self):
        return "object"

    def str(self):
        return "?"

    def repr(self):
        return self.str()

    def is_true(self):
        return True

    def binop_error(self, op, other):
        msg = "unsupported operand types: " + self.type_name() + " " + op + " " + other.type_name()
        return OperationError("TypeError", msg)

    def add(self, other):
        raise self.binop_error("+", other)

    def sub(self, other):
        raise self.binop_error("-", other)

    def mul(self, other):
        raise self.binop_error("*", other)

    def lt(self, other):
        raise self.binop_error("<", other)


class W_None(W_Object):
    def type_name(self):
        return "NoneType"

    def str(self):
        return "None"

    def is_true(self):
        return False


w_None = W_None()


class W_Int(W_Object):
    def __init__(self, intval):
        self.intval = intval

    def type_name(self):
        return "int"

    def str(self):
        return str(self.intval)

    def is_true(self):
        return self.intval != 0

    def add(self, other):
        if isinstance(other, W_Int):
            return W_Int(self.intval + other.intval)
        raise self.binop_error("+", other)

    def sub(self, other):
        if isinstance(other, W_Int):
            return W_Int(self.intval - other.intval)
        raise self.binop_error("-", other)

    def mul(self, other):
        if isinstance(other, W_Int):
            return W_Int(self.intval * other.intval)
        raise self.binop_error("*", other)

    def lt(self, other):
        if isinstance(other, W_Int):
            if self.intval < other.intval:
                return W_Int(1)
            return W_Int(0)
        raise self.binop_error("<", other)


class W_Str(W_Object):
    def __init__(self, strval):
        self.strval = strval

    def type_name(self):
        return "str"

    def str(self):
        return self.strval

    def repr(self):
        return "\"" + self.strval + "\""

    def is_true(self):
        return len(self.strval) > 0

    def add(self, other):
        if isinstance(other, W_Str):
            return W_Str(self.strval + other.strval)
        raise self.binop_error("+", other)

    def mul(self, other):
        if isinstance(other, W_Int):
            s = ""
            for i in range(other.intval):
                s += self.strval
            return W_Str(s)
        raise self.binop_error("*", other)


class W_List(W_Object):
    def __init__(self, items):
        self.items = items

    def type_name(self):
        return "list"

    def str(self):
        s = "["
        for i in range(len(self.items)):
            if i > 0:
                s += ", "
            s += self.items[i].repr()
        return s + "]"

    def is_true(self):
        return len(self.items) > 0

    def add(self, other):
        if isinstance(other, W_List):
            return W_List(self.items + other.items)
        raise self.binop_error("+", other)


class Code:
    def __init__(self, name, ops, consts, nvars):
        self.name = name
        self.ops = ops
        self.consts = consts
        self.nvars = nvars


class Frame:
    def __init__(self, code):
        self.code = code
        self.stack = []
        self.vars = []
        for i in range(code.nvars):
            self.vars.append(w_None)

    def push(self, w):
        self.stack.append(w)

    def pop(self):
        if len(self.stack) == 0:
            raise VMError("stack underflow")
        return self.stack.pop()


class Interpreter:
    def __init__(self):
        self.steps = 0
        self.total_steps = 0

    def run(self, code):
        frame = Frame(code)
        self.steps = 0
        pc = 0
        while True:
            op = code.ops[pc]
            self.steps += 1
            self.total_steps += 1
            pc += 1
            if op == LOAD_CONST:
                frame.push(code.consts[code.ops[pc]])
                pc += 1
            elif op == LOAD_VAR:
                frame.push(frame.vars[code.ops[pc]])
                pc += 1
            elif op == STORE_VAR:
                frame.vars[code.ops[pc]] = frame.pop()
                pc += 1
            elif op == ADD or op == SUB or op == MUL or op == LT:
                w_b = frame.pop()
                w_a = frame.pop()
                if op == ADD:
                    frame.push(w_a.add(w_b))
                elif op == SUB:
                    frame.push(w_a.sub(w_b))
                elif op == MUL:
                    frame.push(w_a.mul(w_b))
                else:
                    frame.push(w_a.lt(w_b))
            elif op == JUMP_IF_FALSE:
                if frame.pop().is_true():
                    pc += 1
                else:
                    pc = code.ops[pc]
            elif op == JUMP:
                pc = code.ops[pc]
            elif op == PRINT:
                print(frame.pop().str())
            elif op == BUILD_LIST:
                n = code.ops[pc]
                pc += 1
                items = []
                for i in range(n):
                    items.append(w_None)
                while n > 0:
                    n -= 1
                    items[n] = frame.pop()
                frame.push(W_List(items))
            elif op == RETURN:
                return frame.pop()
            else:
                raise VMError("bad opcode " + str(op))


class Builder:
    def __init__(self, name):
        self.name = name
        self.ops = []
        self.consts = []

    def const(self, w):
        self.consts.append(w)
        return len(self.consts) - 1

    def emit(self, op):
        self.ops.append(op)

    def emit_arg(self, op, arg):
        self.ops.append(op)
        self.ops.append(arg)

    def load(self, w):
        self.emit_arg(LOAD_CONST, self.const(w))

    def here(self):
        return len(self.ops)

    def emit_jump(self, op):
        self.emit_arg(op, -1)
        return len(self.ops) - 1

    def patch(self, pos):
        self.ops[pos] = len(self.ops)

    def build(self, nvars):
        return Code(self.name, self.ops, self.consts, nvars)


def compile_factorial(name, n):
    b = Builder(name)
    one = b.const(W_Int(1))
    b.load(W_Int(n))
    b.emit_arg(STORE_VAR, 0)
    b.emit_arg(LOAD_CONST, one)
    b.emit_arg(STORE_VAR, 1)
    top = b.here()
    b.load(W_Int(0))
    b.emit_arg(LOAD_VAR, 0)
    b.emit(LT)
    exit_jump = b.emit_jump(JUMP_IF_FALSE)
    b.emit_arg(LOAD_VAR, 1)
    b.emit_arg(LOAD_VAR, 0)
    b.emit(MUL)
    b.emit_arg(STORE_VAR, 1)
    b.emit_arg(LOAD_VAR, 0)
    b.emit_arg(LOAD_CONST, one)
    b.emit(SUB)
    b.emit_arg(STORE_VAR, 0)
    b.emit_arg(JUMP, top)
    b.patch(exit_jump)
    b.emit_arg(LOAD_VAR, 1)
    b.emit(RETURN)
    return b.build(2)


def compile_concat():
    b = Builder("concat")
    b.load(W_Str(""))
    b.emit_arg(STORE_VAR, 0)
    b.load(W_Int(0))
    b.emit_arg(STORE_VAR, 1)
    top = b.here()
    b.emit_arg(LOAD_VAR, 1)
    b.load(W_Int(3))
    b.emit(LT)
    exit_jump = b.emit_jump(JUMP_IF_FALSE)
    b.emit_arg(LOAD_VAR, 0)
    b.load(W_Str("ab"))
    b.emit(ADD)
    b.emit_arg(STORE_VAR, 0)
    b.emit_arg(LOAD_VAR, 1)
    b.load(W_Int(1))
    b.emit(ADD)
    b.emit_arg(STORE_VAR, 1)
    b.emit_arg(JUMP, top)
    b.patch(exit_jump)
    b.emit_arg(LOAD_VAR, 0)
    b.load(W_Str("!"))
    b.emit(ADD)
    b.emit(PRINT)
    b.load(W_Str("-"))
    b.load(W_Int(5))
    b.emit(MUL)
    b.emit(RETURN)
    return b.build(2)


def compile_list():
    b = Builder("list")
    b.load(W_Int(1))
    b.load(W_Str("two"))
    b.load(W_Int(3))
    b.emit_arg(BUILD_LIST, 3)
    b.load(W_Int(4))
    b.emit_arg(BUILD_LIST, 1)
    b.emit(ADD)
    b.emit_arg(STORE_VAR, 0)
    b.emit_arg(LOAD_VAR, 0)
    b.emit(PRINT)
    b.emit_arg(LOAD_VAR, 0)
    b.emit(RETURN)
    return b.build(1)


def compile_truth(w_value):
    b = Builder("truth")
    b.load(w_value)
    else_jump = b.emit_jump(JUMP_IF_FALSE)
    b.load(W_Str("yes"))
    b.emit(RETURN)
    b.patch(else_jump)
    b.load(W_Str("no"))
    b.emit(RETURN)
    return b.build(0)


def compile_binop(name, w_a, w_b, op):
    b = Builder(name)
    b.load(w_a)
    b.load(w_b)
    b.emit(op)
    b.emit(RETURN)
    return b.build(0)


def execute(interp, code):
    try:
        w = interp.run(code)
        print(code.name, "->", w.str(), w.type_name(), "steps", interp.steps)
        return 0
    except OperationError as e:
        print(code.name, "-> error:", e.kind + ":", e.msg)
    except VMError as e:
        print(code.name, "-> vm error:", e.msg)
    return 1


def entry_point(argv):
    interp = Interpreter()
    errors = 0
    errors += execute(interp, compile_factorial("fact", int(argv[1])))
    errors += execute(interp, compile_factorial("fact20", 20))
    errors += execute(interp, compile_concat())
    errors += execute(interp, compile_list())
    values = [W_Str(""), W_List([]), W_Int(0), W_Int(7), W_Str("x"), w_None, W_List([w_None])]
    s = "truth"
    for w in values:
        s += " " + interp.run(compile_truth(w)).str()
    print(s)
    errors += execute(interp, compile_binop("badadd", W_Int(1), W_Str("a"), ADD))
    errors += execute(interp, compile_binop("badlt", W_List([]), W_Int(2), LT))
    errors += execute(interp, Code("underflow", [ADD, RETURN], [], 0))
    errors += execute(interp, Code("badop", [LOAD_CONST, 0, 99], [W_Int(5)], 0))
    print("total steps", interp.total_steps, "errors", errors)
    return 0


def target(driver, args):
    return entry_point, None
