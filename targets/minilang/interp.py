"""The builtins of minilang and `run_source`, which parses and runs a whole program.

Builtins are subclasses of `W_Builtin`, one per function, overriding `call`:

    print(a, b, ...)   the values' `str` separated by spaces, then a newline; returns nil
    len(x)             length of a string or list
    str(x)             the string form of any value
    push(list, x)      appends x to the list (also `append`); returns nil
    pop(list)          removes and returns the last item
    range(n), range(a, b)   the list of ints [0, n) or [a, b)
    int(x)             an int from an int, a float (truncated) or a decimal string
    float(x)           a float from an int, a float or a string
    type(x)            the type's name as a string: "int", "float", "str", "bool", "nil",
                       "list", "function", "builtin"
    chr(n), ord(s)     between ints (0 to 127 for chr) and one-character strings
"""

from rpython.rlib.rstring import StringBuilder

from lexer import Lexer, ParseError
from parser import Parser
from objects import (InterpError, W_Builtin, W_Int, W_Float, W_Str, W_List, Env, w_nil,
                     wrap_int, state, output, flush_output)

MAX_RANGE = 10000000


class B_Print(W_Builtin):
    name = "print"
    arity = -1

    def call(self, args_w):
        builder = StringBuilder()
        first = True
        for w_arg in args_w:
            if not first:
                builder.append(" ")
            builder.append(w_arg.str())
            first = False
        builder.append("\n")
        output(builder.build())
        return w_nil


class B_Len(W_Builtin):
    name = "len"
    arity = 1

    def call(self, args_w):
        self.check_arity(args_w)
        return wrap_int(args_w[0].length())


class B_Str(W_Builtin):
    name = "str"
    arity = 1

    def call(self, args_w):
        self.check_arity(args_w)
        w_arg = args_w[0]
        if isinstance(w_arg, W_Str):
            return w_arg
        return W_Str(w_arg.str())


def expect_list(w_value, funcname):
    if not isinstance(w_value, W_List):
        raise InterpError("%s() expects a list, not '%s'" % (funcname, w_value.type_name()))
    return w_value


def expect_int(w_value, funcname):
    if not isinstance(w_value, W_Int):
        raise InterpError("%s() expects an int, not '%s'" % (funcname, w_value.type_name()))
    return w_value.intval


class B_Push(W_Builtin):
    name = "push"
    arity = 2

    def call(self, args_w):
        self.check_arity(args_w)
        expect_list(args_w[0], self.name).append(args_w[1])
        return w_nil


class B_Append(B_Push):
    name = "append"


class B_Pop(W_Builtin):
    name = "pop"
    arity = 1

    def call(self, args_w):
        self.check_arity(args_w)
        return expect_list(args_w[0], self.name).pop()


class B_Range(W_Builtin):
    name = "range"
    arity = -1

    def call(self, args_w):
        if len(args_w) == 1:
            lo = 0
            hi = expect_int(args_w[0], self.name)
        elif len(args_w) == 2:
            lo = expect_int(args_w[0], self.name)
            hi = expect_int(args_w[1], self.name)
        else:
            raise InterpError("range() takes 1 or 2 arguments but %d were given" % len(args_w))
        if hi - lo > MAX_RANGE:
            raise InterpError("range() too large")
        items_w = []
        i = lo
        while i < hi:
            items_w.append(wrap_int(i))
            i += 1
        return W_List(items_w)


def is_decimal(s):
    if len(s) == 0:
        return False
    start = 0
    if s[0] == "-" or s[0] == "+":
        start = 1
    if start >= len(s) or len(s) - start > 18:
        return False
    return s[start:].isdigit()


class B_Int(W_Builtin):
    name = "int"
    arity = 1

    def call(self, args_w):
        self.check_arity(args_w)
        w_arg = args_w[0]
        if isinstance(w_arg, W_Int):
            return w_arg
        if isinstance(w_arg, W_Float):
            f = w_arg.floatval
            if not (-9.0e18 < f < 9.0e18):
                raise InterpError("cannot convert float %s to int" % str(f))
            return W_Int(int(f))
        if isinstance(w_arg, W_Str):
            s = w_arg.strval.strip()
            if not is_decimal(s):
                raise InterpError("invalid literal for int(): %s" % w_arg.repr())
            return W_Int(int(s))
        raise InterpError("int() argument must be a string or a number, not '%s'"
                          % w_arg.type_name())


def is_float_literal(s):
    """Digits with at most one '.', an optional sign in front."""
    if len(s) == 0:
        return False
    i = 0
    if s[0] == "-" or s[0] == "+":
        i = 1
    digits = 0
    dots = 0
    while i < len(s):
        c = s[i]
        if c == ".":
            dots += 1
        elif c.isdigit():
            digits += 1
        else:
            return False
        i += 1
    return digits > 0 and dots <= 1


class B_Float(W_Builtin):
    name = "float"
    arity = 1

    def call(self, args_w):
        self.check_arity(args_w)
        w_arg = args_w[0]
        if isinstance(w_arg, W_Float):
            return w_arg
        if isinstance(w_arg, W_Int):
            return W_Float(float(w_arg.intval))
        if isinstance(w_arg, W_Str):
            s = w_arg.strval.strip()
            if not is_float_literal(s):
                raise InterpError("invalid literal for float(): %s" % w_arg.repr())
            return W_Float(float(s))
        raise InterpError("float() argument must be a string or a number, not '%s'"
                          % w_arg.type_name())


class B_Type(W_Builtin):
    name = "type"
    arity = 1

    def call(self, args_w):
        self.check_arity(args_w)
        return W_Str(args_w[0].type_name())


class B_Chr(W_Builtin):
    name = "chr"
    arity = 1

    def call(self, args_w):
        self.check_arity(args_w)
        n = expect_int(args_w[0], self.name)
        if n < 0 or n > 127:
            raise InterpError("chr() argument %d not in range(128)" % n)
        return W_Str(chr(n))


class B_Ord(W_Builtin):
    name = "ord"
    arity = 1

    def call(self, args_w):
        self.check_arity(args_w)
        w_arg = args_w[0]
        if not isinstance(w_arg, W_Str) or len(w_arg.strval) != 1:
            raise InterpError("ord() expects a string of length 1")
        return wrap_int(ord(w_arg.strval[0]))


def make_builtins():
    return [B_Print(), B_Len(), B_Str(), B_Push(), B_Append(), B_Pop(), B_Range(), B_Int(),
            B_Float(), B_Type(), B_Chr(), B_Ord()]


def make_global_env():
    env = Env(None)
    for w_builtin in make_builtins():
        env.define(w_builtin.name, w_builtin)
    return env


def parse(source):
    tokens = Lexer(source).tokenize()
    return Parser(tokens).parse_program()


def run_source(source):
    """Parses and runs a program; returns the exit status (0, 1 for a run-time error, 2 for a
    parse error). Errors are reported on standard output after the program's own output."""
    state.reset()
    try:
        program = parse(source)
    except ParseError as e:
        output("parse error: line %d: %s\n" % (e.line, e.message))
        flush_output()
        return 2
    except RecursionError:
        output("parse error: program nested too deeply\n")
        flush_output()
        return 2
    env = make_global_env()
    status = 0
    try:
        try:
            program.execute(env)
        except InterpError as e:
            output(f"runtime error: line {e.line}: {e.message}\n")
            status = 1
        except RecursionError:
            # Python's stack (untranslated) or the C stack (translated) ran out: a structure
            # containing itself, or expressions nested too deeply.
            output("runtime error: nested too deeply\n")
            status = 1
    finally:
        flush_output()
    return status
