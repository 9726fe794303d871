"""Run-time values of minilang, its environments and the exceptions of the interpreter.

Every value is an instance of a subclass of `W_Object`; the operations of the language are
methods (`add`, `lt`, `eq`, `str`, `is_true`, `getitem`, `call`, ...) that the subclasses
override. The base class raises `InterpError` for everything, so an operation a type does not
support is a type error with a message naming the operand types. `nil`, `true` and `false` are
prebuilt singletons (`w_nil`, `w_true`, `w_false`).

`Env` is a lexical scope: a dict from names to values and a parent scope (None for the global
scope). Functions keep the scope they were defined in (`W_Function.closure`), which is how
closures capture variables.

Control flow of the language (`return`, `break`, `continue`) uses the exceptions `ReturnValue`,
`BreakLoop` and `ContinueLoop`.
"""

import os

from rpython.rlib import jit
from rpython.rlib.rarithmetic import ovfcheck

# The deepest nesting of minilang calls before "maximum recursion depth exceeded".
MAX_DEPTH = 1000


class InterpError(Exception):
    """A run-time error of the minilang program: a message and the line (0 until known)."""

    def __init__(self, message):
        self.message = message
        self.line = 0


class ReturnValue(Exception):
    def __init__(self, w_value):
        self.w_value = w_value


class BreakLoop(Exception):
    pass


class ContinueLoop(Exception):
    pass


class State(object):
    """The mutable state of a running interpreter (a prebuilt instance, see `state`)."""

    def __init__(self):
        self.depth = 0
        self.out = []
        self.out_size = 0

    def reset(self):
        self.depth = 0
        self.out = []
        self.out_size = 0


state = State()


def write_all(fd, data):
    while len(data) > 0:
        n = os.write(fd, data)
        data = data[n:]


def output(s):
    """Buffered write to stdout."""
    state.out.append(s)
    state.out_size += len(s)
    if state.out_size > 8192:
        flush_output()


def flush_output():
    if state.out_size == 0 and len(state.out) == 0:
        return
    text = "".join(state.out)
    state.out = []
    state.out_size = 0
    write_all(1, text.encode("utf-8"))


def type_error(op, w_a, w_b):
    return InterpError("unsupported operand types for %s: '%s' and '%s'"
                       % (op, w_a.type_name(), w_b.type_name()))


class W_Object(object):
    def type_name(self):
        return "object"

    def is_true(self):
        return True

    def str(self):
        return "<object>"

    def repr(self):
        return self.str()

    def add(self, w_other):
        raise type_error("+", self, w_other)

    def sub(self, w_other):
        raise type_error("-", self, w_other)

    def mul(self, w_other):
        raise type_error("*", self, w_other)

    def div(self, w_other):
        raise type_error("/", self, w_other)

    def mod(self, w_other):
        raise type_error("%", self, w_other)

    def neg(self):
        raise InterpError(f"bad operand type for unary -: '{self.type_name()}'")

    def eq(self, w_other):
        return self is w_other

    def lt(self, w_other):
        raise type_error("<", self, w_other)

    def le(self, w_other):
        raise type_error("<=", self, w_other)

    def gt(self, w_other):
        raise type_error(">", self, w_other)

    def ge(self, w_other):
        raise type_error(">=", self, w_other)

    def length(self):
        raise InterpError("object of type '%s' has no len()" % self.type_name())

    def getitem(self, w_index):
        raise InterpError("'%s' object is not indexable" % self.type_name())

    def setitem(self, w_index, w_value):
        raise InterpError("'%s' object does not support item assignment" % self.type_name())

    def getslice(self, w_lo, w_hi):
        raise InterpError("'%s' object cannot be sliced" % self.type_name())

    def call(self, args_w):
        raise InterpError("'%s' object is not callable" % self.type_name())


class W_Nil(W_Object):
    def type_name(self):
        return "nil"

    def is_true(self):
        return False

    def str(self):
        return "nil"


class W_Bool(W_Object):
    _immutable_fields_ = ["boolval"]

    def __init__(self, boolval):
        self.boolval = boolval

    def type_name(self):
        return "bool"

    def is_true(self):
        return self.boolval

    def str(self):
        if self.boolval:
            return "true"
        return "false"


w_nil = W_Nil()
w_true = W_Bool(True)
w_false = W_Bool(False)


def wrap_bool(b):
    if b:
        return w_true
    return w_false


def int_cmp(a, b):
    if a < b:
        return -1
    if a > b:
        return 1
    return 0


def float_cmp(a, b):
    if a < b:
        return -1
    if a > b:
        return 1
    return 0


class W_Int(W_Object):
    _immutable_fields_ = ["intval"]

    def __init__(self, intval):
        self.intval = intval

    def type_name(self):
        return "int"

    def is_true(self):
        return self.intval != 0

    def str(self):
        return str(self.intval)

    def add(self, w_other):
        if isinstance(w_other, W_Int):
            try:
                return wrap_int(ovfcheck(self.intval + w_other.intval))
            except OverflowError:
                raise InterpError("integer overflow")
        if isinstance(w_other, W_Float):
            return W_Float(float(self.intval) + w_other.floatval)
        raise type_error("+", self, w_other)

    def sub(self, w_other):
        if isinstance(w_other, W_Int):
            try:
                return wrap_int(ovfcheck(self.intval - w_other.intval))
            except OverflowError:
                raise InterpError("integer overflow")
        if isinstance(w_other, W_Float):
            return W_Float(float(self.intval) - w_other.floatval)
        raise type_error("-", self, w_other)

    def mul(self, w_other):
        if isinstance(w_other, W_Int):
            try:
                return wrap_int(ovfcheck(self.intval * w_other.intval))
            except OverflowError:
                raise InterpError("integer overflow")
        if isinstance(w_other, W_Float):
            return W_Float(float(self.intval) * w_other.floatval)
        if isinstance(w_other, W_Str):
            return w_other.mul(self)
        raise type_error("*", self, w_other)

    def div(self, w_other):
        if isinstance(w_other, W_Int):
            b = w_other.intval
            if b == 0:
                raise InterpError("division by zero")
            if b == -1:
                return W_Int(0).sub(self)
            return wrap_int(self.intval // b)
        if isinstance(w_other, W_Float):
            return W_Float(float(self.intval)).div(w_other)
        raise type_error("/", self, w_other)

    def mod(self, w_other):
        if isinstance(w_other, W_Int):
            b = w_other.intval
            if b == 0:
                raise InterpError("modulo by zero")
            if b == -1:
                return W_Int(0)
            return wrap_int(self.intval % b)
        if isinstance(w_other, W_Float):
            return W_Float(float(self.intval)).mod(w_other)
        raise type_error("%", self, w_other)

    def neg(self):
        return W_Int(0).sub(self)

    def eq(self, w_other):
        if isinstance(w_other, W_Int):
            return self.intval == w_other.intval
        if isinstance(w_other, W_Float):
            return float(self.intval) == w_other.floatval
        return False

    def compare(self, w_other, op):
        if isinstance(w_other, W_Int):
            return int_cmp(self.intval, w_other.intval)
        if isinstance(w_other, W_Float):
            return float_cmp(float(self.intval), w_other.floatval)
        raise type_error(op, self, w_other)

    def lt(self, w_other):
        return self.compare(w_other, "<") < 0

    def le(self, w_other):
        return self.compare(w_other, "<=") <= 0

    def gt(self, w_other):
        return self.compare(w_other, ">") > 0

    def ge(self, w_other):
        return self.compare(w_other, ">=") >= 0


# Prebuilt ints for small values, shared by `wrap_int` (loop counters, lengths, indices).
SMALL_INT_MIN = -5
SMALL_INT_MAX = 256
SMALL_INTS = [W_Int(i) for i in range(SMALL_INT_MIN, SMALL_INT_MAX + 1)]


def wrap_int(n):
    if SMALL_INT_MIN <= n <= SMALL_INT_MAX:
        return SMALL_INTS[n - SMALL_INT_MIN]
    return W_Int(n)


class W_Float(W_Object):
    _immutable_fields_ = ["floatval"]

    def __init__(self, floatval):
        self.floatval = floatval

    def type_name(self):
        return "float"

    def is_true(self):
        return self.floatval != 0.0

    def str(self):
        return str(self.floatval)

    def other_float(self, w_other, op):
        if isinstance(w_other, W_Float):
            return w_other.floatval
        if isinstance(w_other, W_Int):
            return float(w_other.intval)
        raise type_error(op, self, w_other)

    def add(self, w_other):
        return W_Float(self.floatval + self.other_float(w_other, "+"))

    def sub(self, w_other):
        return W_Float(self.floatval - self.other_float(w_other, "-"))

    def mul(self, w_other):
        return W_Float(self.floatval * self.other_float(w_other, "*"))

    def div(self, w_other):
        b = self.other_float(w_other, "/")
        if b == 0.0:
            raise InterpError("division by zero")
        return W_Float(self.floatval / b)

    def mod(self, w_other):
        b = self.other_float(w_other, "%")
        if b == 0.0:
            raise InterpError("modulo by zero")
        return W_Float(self.floatval % b)

    def neg(self):
        return W_Float(-self.floatval)

    def eq(self, w_other):
        if isinstance(w_other, W_Float):
            return self.floatval == w_other.floatval
        if isinstance(w_other, W_Int):
            return self.floatval == float(w_other.intval)
        return False

    def lt(self, w_other):
        return self.floatval < self.other_float(w_other, "<")

    def le(self, w_other):
        return self.floatval <= self.other_float(w_other, "<=")

    def gt(self, w_other):
        return self.floatval > self.other_float(w_other, ">")

    def ge(self, w_other):
        return self.floatval >= self.other_float(w_other, ">=")


def check_index(w_index, length, what):
    """The position an index value names in a sequence of `length` items (negative counts from
    the end)."""
    if not isinstance(w_index, W_Int):
        raise InterpError("%s indices must be int, not '%s'" % (what, w_index.type_name()))
    i = w_index.intval
    if i < 0:
        i += length
    if i < 0 or i >= length:
        raise InterpError("%s index %d out of range (length %d)" % (what, w_index.intval, length))
    return i


def slice_bound(w_bound, length, default):
    if w_bound is None or w_bound is w_nil:
        return default
    if not isinstance(w_bound, W_Int):
        raise InterpError("slice bounds must be int, not '%s'" % w_bound.type_name())
    i = w_bound.intval
    if i < 0:
        i += length
    if i < 0:
        return 0
    if i > length:
        return length
    return i


def quote(s):
    parts = ['"']
    for c in s:
        if c == '"':
            parts.append('\\"')
        elif c == "\\":
            parts.append("\\\\")
        elif c == "\n":
            parts.append("\\n")
        elif c == "\t":
            parts.append("\\t")
        else:
            parts.append(c)
    parts.append('"')
    return "".join(parts)


class W_Str(W_Object):
    _immutable_fields_ = ["strval"]

    def __init__(self, strval):
        self.strval = strval

    def type_name(self):
        return "str"

    def is_true(self):
        return len(self.strval) > 0

    def str(self):
        return self.strval

    def repr(self):
        return quote(self.strval)

    def add(self, w_other):
        if isinstance(w_other, W_Str):
            return W_Str(self.strval + w_other.strval)
        raise type_error("+", self, w_other)

    def mul(self, w_other):
        if isinstance(w_other, W_Int):
            n = w_other.intval
            if n <= 0:
                return W_Str("")
            if len(self.strval) * n > 100000000:
                raise InterpError("string too long")
            return W_Str(self.strval * n)
        raise type_error("*", self, w_other)

    def eq(self, w_other):
        if isinstance(w_other, W_Str):
            return self.strval == w_other.strval
        return False

    def other_str(self, w_other, op):
        if isinstance(w_other, W_Str):
            return w_other.strval
        raise type_error(op, self, w_other)

    def lt(self, w_other):
        return self.strval < self.other_str(w_other, "<")

    def le(self, w_other):
        return self.strval <= self.other_str(w_other, "<=")

    def gt(self, w_other):
        return self.strval > self.other_str(w_other, ">")

    def ge(self, w_other):
        return self.strval >= self.other_str(w_other, ">=")

    def length(self):
        return len(self.strval)

    def getitem(self, w_index):
        i = check_index(w_index, len(self.strval), "string")
        return W_Str(self.strval[i])

    def getslice(self, w_lo, w_hi):
        n = len(self.strval)
        lo = slice_bound(w_lo, n, 0)
        hi = slice_bound(w_hi, n, n)
        if hi < lo:
            hi = lo
        return W_Str(self.strval[lo:hi])


class W_List(W_Object):
    def __init__(self, items_w):
        self.items_w = items_w

    def type_name(self):
        return "list"

    def is_true(self):
        return len(self.items_w) > 0

    def str(self):
        parts = []
        for w_item in self.items_w:
            parts.append(w_item.repr())
        return "[" + ", ".join(parts) + "]"

    def add(self, w_other):
        if isinstance(w_other, W_List):
            return W_List(self.items_w + w_other.items_w)
        raise type_error("+", self, w_other)

    def eq(self, w_other):
        if not isinstance(w_other, W_List):
            return False
        if len(self.items_w) != len(w_other.items_w):
            return False
        i = 0
        while i < len(self.items_w):
            if not self.items_w[i].eq(w_other.items_w[i]):
                return False
            i += 1
        return True

    def length(self):
        return len(self.items_w)

    def getitem(self, w_index):
        i = check_index(w_index, len(self.items_w), "list")
        return self.items_w[i]

    def setitem(self, w_index, w_value):
        i = check_index(w_index, len(self.items_w), "list")
        self.items_w[i] = w_value

    def getslice(self, w_lo, w_hi):
        n = len(self.items_w)
        lo = slice_bound(w_lo, n, 0)
        hi = slice_bound(w_hi, n, n)
        if hi < lo:
            hi = lo
        return W_List(self.items_w[lo:hi])

    def append(self, w_value):
        self.items_w.append(w_value)

    def pop(self):
        if len(self.items_w) == 0:
            raise InterpError("pop from empty list")
        return self.items_w.pop()


class Env(object):
    """A lexical scope: variables of one block or call, and the enclosing scope."""

    _immutable_fields_ = ["parent"]

    def __init__(self, parent):
        self.vars = {}
        self.parent = parent

    def define(self, name, w_value):
        self.vars[name] = w_value

    def lookup(self, name):
        env = self
        while env is not None:
            w_value = env.vars.get(name, None)
            if w_value is not None:
                return w_value
            env = env.parent
        raise InterpError("undefined variable '%s'" % name)

    def assign(self, name, w_value):
        env = self
        while env is not None:
            if name in env.vars:
                env.vars[name] = w_value
                return
            env = env.parent
        raise InterpError("assignment to undefined variable '%s'" % name)


class W_Function(W_Object):
    """A function of the program: parameters, a body (a `nodes.Block`) and the scope it closes
    over."""

    _immutable_fields_ = ["name", "params[*]", "body", "closure"]

    def __init__(self, name, params, body, closure):
        self.name = name
        self.params = params
        self.body = body
        self.closure = closure

    def type_name(self):
        return "function"

    def str(self):
        return "<fn %s>" % self.name

    @jit.unroll_safe
    def call(self, args_w):
        nparams = len(self.params)
        if len(args_w) != nparams:
            raise InterpError("%s() takes %d arguments but %d were given"
                              % (self.name, nparams, len(args_w)))
        env = Env(self.closure)
        for i in range(nparams):
            env.define(self.params[i], args_w[i])
        state.depth += 1
        try:
            if state.depth > MAX_DEPTH:
                raise InterpError("maximum recursion depth exceeded")
            self.body.execute(env)
        except ReturnValue as r:
            return r.w_value
        finally:
            state.depth -= 1
        return w_nil


class W_Builtin(W_Object):
    """A function of the interpreter; subclasses override `call`. `arity` is -1 for any number
    of arguments."""

    name = "?"
    arity = -1

    def type_name(self):
        return "builtin"

    def str(self):
        return "<builtin %s>" % self.name

    def check_arity(self, args_w):
        if self.arity >= 0 and len(args_w) != self.arity:
            raise InterpError("%s() takes %d arguments but %d were given"
                              % (self.name, self.arity, len(args_w)))
