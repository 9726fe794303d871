"""The tokenizer of minilang: source text to a list of `Token`s.

Token kinds: "int", "float", "str" (the text is the decoded string), "name", "eof", and for
keywords and operators the keyword or operator itself ("let", "while", "==", "(", ...).
Comments run from `#` to the end of the line. Errors raise `ParseError` with the line.
"""

from rpython.rlib import jit

# A list, not a dict: the translator cannot use prebuilt dicts yet (see the report).
KEYWORDS = ["let", "fn", "return", "if", "else", "while", "for", "in", "break", "continue",
            "and", "or", "not", "true", "false", "nil"]

TWO_CHAR_OPS = ["==", "!=", "<=", ">="]
ONE_CHAR_OPS = "+-*/%<>=()[]{},;:"

# The largest integer literal: a machine word's maximum (compared as a string, so that
# `int()` never sees a literal that would overflow).
MAX_INT_TEXT = "9223372036854775807"


class ParseError(Exception):
    def __init__(self, message, line):
        self.message = message
        self.line = line


class Token(object):
    def __init__(self, kind, text, line):
        self.kind = kind
        self.text = text
        self.line = line

    def __repr__(self):
        return "Token(%s, %s, %d)" % (self.kind, self.text, self.line)


@jit.elidable
def describe(kind, text):
    """How an error message names a token."""
    if kind == "eof":
        return "end of input"
    if kind == "int" or kind == "float":
        return f"number {text}"
    if kind == "str":
        return "string"
    if kind == "name":
        return f"name '{text}'"
    return "'%s'" % text


class Lexer(object):
    def __init__(self, source):
        self.source = source
        self.pos = 0
        self.line = 1
        self.tokens = []

    def error(self, message):
        raise ParseError(message, self.line)

    def tokenize(self):
        src = self.source
        n = len(src)
        while True:
            self.skip_blanks()
            if self.pos >= n:
                break
            c = src[self.pos]
            if c.isdigit():
                self.lex_number()
            elif c.isalpha() or c == "_":
                self.lex_name()
            elif c == '"':
                self.lex_string()
            else:
                self.lex_operator()
        self.tokens.append(Token("eof", "", self.line))
        return self.tokens

    def skip_blanks(self):
        src = self.source
        n = len(src)
        while self.pos < n:
            c = src[self.pos]
            if c == "\n":
                self.line += 1
                self.pos += 1
            elif c.isspace():
                self.pos += 1
            elif c == "#":
                while self.pos < n and src[self.pos] != "\n":
                    self.pos += 1
            else:
                break

    def lex_number(self):
        src = self.source
        n = len(src)
        start = self.pos
        while self.pos < n and src[self.pos].isdigit():
            self.pos += 1
        is_float = False
        if self.pos + 1 < n and src[self.pos] == "." and src[self.pos + 1].isdigit():
            is_float = True
            self.pos += 1
            while self.pos < n and src[self.pos].isdigit():
                self.pos += 1
        if self.pos < n and (src[self.pos].isalpha() or src[self.pos] == "_"):
            self.error("invalid number literal '%s'" % src[start:self.pos + 1])
        text = src[start:self.pos]
        if is_float:
            self.tokens.append(Token("float", text, self.line))
        else:
            digits = text.lstrip("0")
            if len(digits) > len(MAX_INT_TEXT) or (len(digits) == len(MAX_INT_TEXT)
                                                   and digits > MAX_INT_TEXT):
                self.error("integer literal too large: %s" % text)
            self.tokens.append(Token("int", text, self.line))

    def lex_name(self):
        src = self.source
        n = len(src)
        start = self.pos
        while self.pos < n and (src[self.pos].isalnum() or src[self.pos] == "_"):
            self.pos += 1
        text = src[start:self.pos]
        if text in KEYWORDS:
            self.tokens.append(Token(text, text, self.line))
        else:
            self.tokens.append(Token("name", text, self.line))

    def lex_string(self):
        src = self.source
        n = len(src)
        start_line = self.line
        self.pos += 1
        chars = []
        while True:
            if self.pos >= n or src[self.pos] == "\n":
                raise ParseError("unterminated string", start_line)
            c = src[self.pos]
            if c == '"':
                self.pos += 1
                break
            if c == "\\":
                if self.pos + 1 >= n:
                    raise ParseError("unterminated string", start_line)
                e = src[self.pos + 1]
                if e == "n":
                    chars.append("\n")
                elif e == "t":
                    chars.append("\t")
                elif e == '"':
                    chars.append('"')
                elif e == "\\":
                    chars.append("\\")
                else:
                    self.error("unknown escape sequence '\\%s'" % e)
                self.pos += 2
            else:
                chars.append(c)
                self.pos += 1
        self.tokens.append(Token("str", "".join(chars), start_line))

    def lex_operator(self):
        src = self.source
        for op in TWO_CHAR_OPS:
            if src.startswith(op, self.pos):
                self.tokens.append(Token(op, op, self.line))
                self.pos += 2
                return
        c = src[self.pos]
        if c in ONE_CHAR_OPS:
            self.tokens.append(Token(c, c, self.line))
            self.pos += 1
            return
        self.error("unexpected character '%s'" % c)
