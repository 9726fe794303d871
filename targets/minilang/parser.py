"""The recursive-descent parser of minilang: a list of tokens to a `nodes.Block`.

Grammar (`{...}*` is repetition, `[...]` an option):

    program    := stmt*
    stmt       := block
                | "let" NAME "=" expr ";"
                | "fn" NAME "(" [NAME {"," NAME}*] ")" block
                | "if" expr block ["else" (block | if-stmt)]
                | "while" expr block
                | "for" NAME "in" expr block
                | "return" [expr] ";" | "break" ";" | "continue" ";"
                | expr ["=" expr] ";"           (assignment to a NAME or an index)
    block      := "{" stmt* "}"
    expr       := and {"or" and}*
    and        := not {"and" not}*
    not        := "not" not | comparison
    comparison := additive [("==" | "!=" | "<" | "<=" | ">" | ">=") additive]
    additive   := term {("+" | "-") term}*
    term       := unary {("*" | "/" | "%") unary}*
    unary      := "-" unary | postfix
    postfix    := primary {"(" args ")" | "[" expr "]" | "[" [expr] ":" [expr] "]"}*
    primary    := INT | FLOAT | STRING | "true" | "false" | "nil" | NAME | "(" expr ")"
                | "[" [expr {"," expr}*] "]" | "fn" "(" params ")" block

`return` outside a function and `break`/`continue` outside a loop are parse errors.
"""

from lexer import ParseError, describe
from nodes import (Const, Var, ListLit, FuncLit, Call, Index, Slice, Neg, Not, And, Or,
                   make_binop, Block, ExprStmt, Let, FuncDef, Assign, IndexAssign, If, While,
                   For, Return, Break, Continue, Scope)
from objects import W_Int, W_Float, W_Str, w_nil, w_true, w_false

COMPARISON_OPS = ["==", "!=", "<", "<=", ">", ">="]


class Parser(object):
    def __init__(self, tokens):
        self.tokens = tokens
        self.pos = 0
        self.func_depth = 0
        self.loop_depth = 0

    # ------------------------------------------------------------ helpers

    def peek(self):
        return self.tokens[self.pos]

    def peek_kind(self):
        return self.tokens[self.pos].kind

    def next(self):
        tok = self.tokens[self.pos]
        if tok.kind != "eof":
            self.pos += 1
        return tok

    def error(self, message, tok):
        raise ParseError(message, tok.line)

    def expect(self, kind):
        tok = self.peek()
        if tok.kind != kind:
            self.error("expected '%s' but found %s" % (kind, describe(tok.kind, tok.text)), tok)
        return self.next()

    def expect_name(self):
        tok = self.peek()
        if tok.kind != "name":
            self.error("expected a name but found %s" % describe(tok.kind, tok.text), tok)
        return self.next().text

    # ------------------------------------------------------------ statements

    def parse_program(self):
        stmts = []
        while self.peek_kind() != "eof":
            stmts.append(self.parse_stmt())
        return Block(stmts, 1)

    def parse_block(self):
        start = self.expect("{")
        stmts = []
        while self.peek_kind() != "}":
            if self.peek_kind() == "eof":
                self.error("expected '}' but found end of input (block opened on line %d)"
                           % start.line, self.peek())
            stmts.append(self.parse_stmt())
        self.next()
        return Block(stmts, start.line)

    def parse_stmt(self):
        tok = self.peek()
        kind = tok.kind
        if kind == "{":
            return Scope(self.parse_block(), tok.line)
        if kind == "let":
            self.next()
            name = self.expect_name()
            self.expect("=")
            expr = self.parse_expr()
            self.expect(";")
            if isinstance(expr, FuncLit) and expr.name == "<anonymous>":
                expr.name = name
            return Let(name, expr, tok.line)
        if kind == "fn" and self.tokens[self.pos + 1].kind == "name":
            self.next()
            name = self.expect_name()
            func = self.parse_function_rest(name, tok.line)
            return FuncDef(func, tok.line)
        if kind == "if":
            return self.parse_if()
        if kind == "while":
            self.next()
            cond = self.parse_expr()
            body = self.parse_loop_body()
            return While(cond, body, tok.line)
        if kind == "for":
            self.next()
            name = self.expect_name()
            self.expect("in")
            seq = self.parse_expr()
            body = self.parse_loop_body()
            return For(name, seq, body, tok.line)
        if kind == "return":
            if self.func_depth == 0:
                self.error("'return' outside a function", tok)
            self.next()
            if self.peek_kind() == ";":
                self.next()
                return Return(None, tok.line)
            expr = self.parse_expr()
            self.expect(";")
            return Return(expr, tok.line)
        if kind == "break" or kind == "continue":
            if self.loop_depth == 0:
                self.error("'%s' outside a loop" % kind, tok)
            self.next()
            self.expect(";")
            if kind == "break":
                return Break(tok.line)
            return Continue(tok.line)
        expr = self.parse_expr()
        if self.peek_kind() == "=":
            eq = self.next()
            value = self.parse_expr()
            self.expect(";")
            if isinstance(expr, Var):
                return Assign(expr.name, value, tok.line)
            if isinstance(expr, Index):
                return IndexAssign(expr.obj, expr.index, value, tok.line)
            self.error("cannot assign to this expression", eq)
        self.expect(";")
        return ExprStmt(expr, tok.line)

    def parse_if(self):
        tok = self.expect("if")
        cond = self.parse_expr()
        then = self.parse_block()
        orelse = None
        if self.peek_kind() == "else":
            self.next()
            if self.peek_kind() == "if":
                inner = self.parse_if()
                orelse = Block([inner], inner.line)
            else:
                orelse = self.parse_block()
        return If(cond, then, orelse, tok.line)

    def parse_loop_body(self):
        self.loop_depth += 1
        try:
            return self.parse_block()
        finally:
            self.loop_depth -= 1

    def parse_function_rest(self, name, line):
        self.expect("(")
        params = []
        if self.peek_kind() != ")":
            params.append(self.expect_name())
            while self.peek_kind() == ",":
                self.next()
                params.append(self.expect_name())
        self.expect(")")
        i = 0
        while i < len(params):
            if params[i] in params[:i]:
                self.error("duplicate parameter '%s'" % params[i], self.peek())
            i += 1
        saved_loop_depth = self.loop_depth
        self.func_depth += 1
        self.loop_depth = 0
        try:
            body = self.parse_block()
        finally:
            self.func_depth -= 1
            self.loop_depth = saved_loop_depth
        return FuncLit(name, params, body, line)

    # ------------------------------------------------------------ expressions

    def parse_expr(self):
        left = self.parse_and()
        while self.peek_kind() == "or":
            tok = self.next()
            left = Or(left, self.parse_and(), tok.line)
        return left

    def parse_and(self):
        left = self.parse_not()
        while self.peek_kind() == "and":
            tok = self.next()
            left = And(left, self.parse_not(), tok.line)
        return left

    def parse_not(self):
        if self.peek_kind() == "not":
            tok = self.next()
            return Not(self.parse_not(), tok.line)
        return self.parse_comparison()

    def parse_comparison(self):
        left = self.parse_additive()
        if self.peek_kind() in COMPARISON_OPS:
            tok = self.next()
            right = self.parse_additive()
            left = make_binop(tok.kind, left, right, tok.line)
            if self.peek_kind() in COMPARISON_OPS:
                self.error("comparisons cannot be chained", self.peek())
        return left

    def parse_additive(self):
        left = self.parse_term()
        while self.peek_kind() == "+" or self.peek_kind() == "-":
            tok = self.next()
            left = make_binop(tok.kind, left, self.parse_term(), tok.line)
        return left

    def parse_term(self):
        left = self.parse_unary()
        kind = self.peek_kind()
        while kind == "*" or kind == "/" or kind == "%":
            tok = self.next()
            left = make_binop(tok.kind, left, self.parse_unary(), tok.line)
            kind = self.peek_kind()
        return left

    def parse_unary(self):
        if self.peek_kind() == "-":
            tok = self.next()
            return Neg(self.parse_unary(), tok.line)
        return self.parse_postfix()

    def parse_postfix(self):
        expr = self.parse_primary()
        while True:
            kind = self.peek_kind()
            if kind == "(":
                tok = self.next()
                args = []
                if self.peek_kind() != ")":
                    args.append(self.parse_expr())
                    while self.peek_kind() == ",":
                        self.next()
                        args.append(self.parse_expr())
                self.expect(")")
                expr = Call(expr, args, tok.line)
            elif kind == "[":
                tok = self.next()
                lo = None
                if self.peek_kind() != ":":
                    lo = self.parse_expr()
                if self.peek_kind() == ":":
                    self.next()
                    hi = None
                    if self.peek_kind() != "]":
                        hi = self.parse_expr()
                    self.expect("]")
                    expr = Slice(expr, lo, hi, tok.line)
                else:
                    self.expect("]")
                    expr = Index(expr, lo, tok.line)
            else:
                return expr

    def parse_primary(self):
        tok = self.next()
        kind = tok.kind
        if kind == "int":
            return Const(W_Int(int(tok.text)), tok.line)
        if kind == "float":
            return Const(W_Float(float(tok.text)), tok.line)
        if kind == "str":
            return Const(W_Str(tok.text), tok.line)
        if kind == "true":
            return Const(w_true, tok.line)
        if kind == "false":
            return Const(w_false, tok.line)
        if kind == "nil":
            return Const(w_nil, tok.line)
        if kind == "name":
            return Var(tok.text, tok.line)
        if kind == "(":
            expr = self.parse_expr()
            self.expect(")")
            return expr
        if kind == "[":
            items = []
            if self.peek_kind() != "]":
                items.append(self.parse_expr())
                while self.peek_kind() == ",":
                    self.next()
                    if self.peek_kind() == "]":
                        break
                    items.append(self.parse_expr())
            self.expect("]")
            return ListLit(items, tok.line)
        if kind == "fn":
            return self.parse_function_rest("<anonymous>", tok.line)
        self.error("unexpected %s" % describe(kind, tok.text), tok)
        raise ParseError("unreachable", tok.line)
