"""The abstract syntax tree of minilang, and its evaluation.

Expressions are subclasses of `Expr` with `eval(env)` returning a `W_Object`; statements are
subclasses of `Stmt` with `execute(env)`. Binary operators share `BinOp.eval` and override
`compute`. Every node remembers its source line; `Block.execute` puts the line of the statement
that failed into a run-time error that does not have one yet.
"""

from rpython.rlib import jit
from rpython.rlib.jit import JitDriver

from objects import (InterpError, ReturnValue, BreakLoop, ContinueLoop, Env, W_Int, W_Str,
                     W_List, W_Function, w_nil, wrap_bool, wrap_int)


def get_location(node):
    return "%s line %d" % (node.kind_name(), node.line)


loopdriver = JitDriver(greens=["node"], reds=["env"], get_printable_location=get_location,
                       name="minilang_while")
fordriver = JitDriver(greens=["node"], reds=["i", "w_seq", "env"],
                      get_printable_location=get_location, name="minilang_for")


class Node(object):
    """Nodes never change after parsing: a JIT may treat their fields as constants."""

    _immutable_fields_ = ["line"]
    line = 0

    def kind_name(self):
        return "node"


# ---------------------------------------------------------------- expressions


class Expr(Node):
    def eval(self, env):
        raise NotImplementedError("eval")


class Const(Expr):
    def __init__(self, w_value, line):
        self.w_value = w_value
        self.line = line

    def kind_name(self):
        return "const"

    def eval(self, env):
        return self.w_value


class Var(Expr):
    def __init__(self, name, line):
        self.name = name
        self.line = line

    def kind_name(self):
        return "var"

    def eval(self, env):
        return env.lookup(jit.promote_string(self.name))


class ListLit(Expr):
    def __init__(self, items, line):
        self.items = items
        self.line = line

    def kind_name(self):
        return "list"

    @jit.unroll_safe
    def eval(self, env):
        items_w = []
        for item in self.items:
            items_w.append(item.eval(env))
        return W_List(items_w)


class FuncLit(Expr):
    def __init__(self, name, params, body, line):
        self.name = name
        self.params = params
        self.body = body
        self.line = line

    def kind_name(self):
        return "fn"

    def eval(self, env):
        return W_Function(self.name, self.params, self.body, env)


class Call(Expr):
    def __init__(self, callee, args, line):
        self.callee = callee
        self.args = args
        self.line = line

    def kind_name(self):
        return "call"

    @jit.unroll_safe
    def eval(self, env):
        w_callee = self.callee.eval(env)
        args_w = [None] * len(self.args)
        i = 0
        for arg in self.args:
            args_w[i] = arg.eval(env)
            i += 1
        return jit.promote(w_callee).call(args_w)


class Index(Expr):
    def __init__(self, obj, index, line):
        self.obj = obj
        self.index = index
        self.line = line

    def kind_name(self):
        return "index"

    def eval(self, env):
        w_obj = self.obj.eval(env)
        return w_obj.getitem(self.index.eval(env))


class Slice(Expr):
    def __init__(self, obj, lo, hi, line):
        self.obj = obj
        self.lo = lo
        self.hi = hi
        self.line = line

    def kind_name(self):
        return "slice"

    def eval(self, env):
        w_obj = self.obj.eval(env)
        w_lo = None
        if self.lo is not None:
            w_lo = self.lo.eval(env)
        w_hi = None
        if self.hi is not None:
            w_hi = self.hi.eval(env)
        return w_obj.getslice(w_lo, w_hi)


class Neg(Expr):
    def __init__(self, operand, line):
        self.operand = operand
        self.line = line

    def kind_name(self):
        return "neg"

    def eval(self, env):
        return self.operand.eval(env).neg()


class Not(Expr):
    def __init__(self, operand, line):
        self.operand = operand
        self.line = line

    def kind_name(self):
        return "not"

    def eval(self, env):
        return wrap_bool(not self.operand.eval(env).is_true())


class And(Expr):
    """`a and b`: a if a is false, else b (like Python)."""

    def __init__(self, left, right, line):
        self.left = left
        self.right = right
        self.line = line

    def kind_name(self):
        return "and"

    def eval(self, env):
        w_left = self.left.eval(env)
        if not w_left.is_true():
            return w_left
        return self.right.eval(env)


class Or(Expr):
    """`a or b`: a if a is true, else b (like Python)."""

    def __init__(self, left, right, line):
        self.left = left
        self.right = right
        self.line = line

    def kind_name(self):
        return "or"

    def eval(self, env):
        w_left = self.left.eval(env)
        if w_left.is_true():
            return w_left
        return self.right.eval(env)


class BinOp(Expr):
    symbol = "?"

    def __init__(self, left, right, line):
        self.left = left
        self.right = right
        self.line = line

    def kind_name(self):
        return self.symbol

    def eval(self, env):
        w_left = self.left.eval(env)
        w_right = self.right.eval(env)
        return self.compute(w_left, w_right)

    def compute(self, w_left, w_right):
        raise NotImplementedError("compute")


class Add(BinOp):
    symbol = "+"

    def compute(self, w_left, w_right):
        return w_left.add(w_right)


class Sub(BinOp):
    symbol = "-"

    def compute(self, w_left, w_right):
        return w_left.sub(w_right)


class Mul(BinOp):
    symbol = "*"

    def compute(self, w_left, w_right):
        return w_left.mul(w_right)


class Div(BinOp):
    symbol = "/"

    def compute(self, w_left, w_right):
        return w_left.div(w_right)


class Mod(BinOp):
    symbol = "%"

    def compute(self, w_left, w_right):
        return w_left.mod(w_right)


class Eq(BinOp):
    symbol = "=="

    def compute(self, w_left, w_right):
        return wrap_bool(w_left.eq(w_right))


class Ne(BinOp):
    symbol = "!="

    def compute(self, w_left, w_right):
        return wrap_bool(not w_left.eq(w_right))


class Lt(BinOp):
    symbol = "<"

    def compute(self, w_left, w_right):
        return wrap_bool(w_left.lt(w_right))


class Le(BinOp):
    symbol = "<="

    def compute(self, w_left, w_right):
        return wrap_bool(w_left.le(w_right))


class Gt(BinOp):
    symbol = ">"

    def compute(self, w_left, w_right):
        return wrap_bool(w_left.gt(w_right))


class Ge(BinOp):
    symbol = ">="

    def compute(self, w_left, w_right):
        return wrap_bool(w_left.ge(w_right))


def make_binop(op, left, right, line):
    if op == "+":
        return Add(left, right, line)
    if op == "-":
        return Sub(left, right, line)
    if op == "*":
        return Mul(left, right, line)
    if op == "/":
        return Div(left, right, line)
    if op == "%":
        return Mod(left, right, line)
    if op == "==":
        return Eq(left, right, line)
    if op == "!=":
        return Ne(left, right, line)
    if op == "<":
        return Lt(left, right, line)
    if op == "<=":
        return Le(left, right, line)
    if op == ">":
        return Gt(left, right, line)
    if op == ">=":
        return Ge(left, right, line)
    raise ValueError(op)


# ---------------------------------------------------------------- statements


class Stmt(Node):
    def execute(self, env):
        raise NotImplementedError("execute")


class Block(Stmt):
    def __init__(self, stmts, line):
        self.stmts = stmts
        self.line = line

    def kind_name(self):
        return "block"

    @jit.unroll_safe
    def execute(self, env):
        for stmt in self.stmts:
            try:
                stmt.execute(env)
            except InterpError as e:
                if e.line == 0:
                    e.line = stmt.line
                raise


class Scope(Stmt):
    """A block statement: its statements run in a new scope."""

    def __init__(self, block, line):
        self.block = block
        self.line = line

    def kind_name(self):
        return "scope"

    def execute(self, env):
        self.block.execute(Env(env))


class ExprStmt(Stmt):
    def __init__(self, expr, line):
        self.expr = expr
        self.line = line

    def kind_name(self):
        return "expr"

    def execute(self, env):
        self.expr.eval(env)


class Let(Stmt):
    def __init__(self, name, expr, line):
        self.name = name
        self.expr = expr
        self.line = line

    def kind_name(self):
        return "let"

    def execute(self, env):
        env.define(self.name, self.expr.eval(env))


class FuncDef(Stmt):
    def __init__(self, func, line):
        self.func = func
        self.line = line

    def kind_name(self):
        return "fn"

    def execute(self, env):
        env.define(self.func.name, self.func.eval(env))


class Assign(Stmt):
    def __init__(self, name, expr, line):
        self.name = name
        self.expr = expr
        self.line = line

    def kind_name(self):
        return "assign"

    def execute(self, env):
        env.assign(self.name, self.expr.eval(env))


class IndexAssign(Stmt):
    def __init__(self, obj, index, expr, line):
        self.obj = obj
        self.index = index
        self.expr = expr
        self.line = line

    def kind_name(self):
        return "setitem"

    def execute(self, env):
        w_obj = self.obj.eval(env)
        w_index = self.index.eval(env)
        w_obj.setitem(w_index, self.expr.eval(env))


class If(Stmt):
    def __init__(self, cond, then, orelse, line):
        self.cond = cond
        self.then = then
        self.orelse = orelse
        self.line = line

    def kind_name(self):
        return "if"

    def execute(self, env):
        if self.cond.eval(env).is_true():
            self.then.execute(Env(env))
        elif self.orelse is not None:
            self.orelse.execute(Env(env))


class While(Stmt):
    def __init__(self, cond, body, line):
        self.cond = cond
        self.body = body
        self.line = line

    def kind_name(self):
        return "while"

    def execute(self, env):
        node = self
        while True:
            loopdriver.jit_merge_point(node=node, env=env)
            if not node.cond.eval(env).is_true():
                break
            try:
                node.body.execute(Env(env))
            except BreakLoop:
                break
            except ContinueLoop:
                pass


class For(Stmt):
    def __init__(self, name, seq, body, line):
        self.name = name
        self.seq = seq
        self.body = body
        self.line = line

    def kind_name(self):
        return "for"

    def execute(self, env):
        w_seq = self.seq.eval(env)
        if not isinstance(w_seq, W_List) and not isinstance(w_seq, W_Str):
            raise InterpError("'%s' object is not iterable" % w_seq.type_name())
        node = self
        i = 0
        while i < w_seq.length():
            fordriver.jit_merge_point(node=node, i=i, w_seq=w_seq, env=env)
            w_item = w_seq.getitem(wrap_int(i))
            i += 1
            body_env = Env(env)
            body_env.define(node.name, w_item)
            try:
                node.body.execute(body_env)
            except BreakLoop:
                break
            except ContinueLoop:
                pass


class Return(Stmt):
    def __init__(self, expr, line):
        self.expr = expr
        self.line = line

    def kind_name(self):
        return "return"

    def execute(self, env):
        if self.expr is None:
            raise ReturnValue(w_nil)
        raise ReturnValue(self.expr.eval(env))


class Break(Stmt):
    def __init__(self, line):
        self.line = line

    def kind_name(self):
        return "break"

    def execute(self, env):
        raise BreakLoop()


class Continue(Stmt):
    def __init__(self, line):
        self.line = line

    def kind_name(self):
        return "continue"

    def execute(self, env):
        raise ContinueLoop()
