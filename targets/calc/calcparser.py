"""Tokenizer and recursive-descent evaluator for integer expressions.

Grammar:
    expr    := term (("+" | "-") term)*
    term    := unary (("*" | "//" | "%") unary)*
    unary   := "-" unary | "+" unary | power
    power   := primary ("**" unary)?
    primary := NUMBER | "(" expr ")"

Errors are reported without exceptions: every function returns an error
message as its last result, "" meaning success.
"""

MAX_DIGITS = 18
OPERATOR_CHARS = "+-*/%()"


def is_digit(c):
    return "0" <= c <= "9"


def is_space(c):
    return c == " " or c == "\t" or c == "\n"


def describe(kind):
    if kind == "end":
        return "end of input"
    if kind == "num":
        return "number"
    return "'" + kind + "'"


def tokenize(text):
    """Split text into tokens: returns (kinds, values, error)."""
    kinds = []
    values = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if is_space(c):
            i += 1
        elif is_digit(c):
            value = 0
            start = i
            while i < n and is_digit(text[i]):
                value = value * 10 + (ord(text[i]) - ord("0"))
                i += 1
            if i - start > MAX_DIGITS:
                return kinds, values, "number too large: " + text[start:i]
            kinds.append("num")
            values.append(value)
        elif c == "/" or c == "*":
            if i + 1 < n and text[i + 1] == c:
                kinds.append(c + c)
                values.append(0)
                i += 2
            elif c == "*":
                kinds.append("*")
                values.append(0)
                i += 1
            else:
                return kinds, values, "use // for division"
        elif c in OPERATOR_CHARS:
            kinds.append(c)
            values.append(0)
            i += 1
        else:
            return kinds, values, "unexpected character '" + c + "'"
    kinds.append("end")
    values.append(0)
    return kinds, values, ""


def power(base, exponent):
    result = 1
    while exponent > 0:
        if exponent % 2 == 1:
            result = result * base
        base = base * base
        exponent = exponent // 2
    return result


def parse_primary(kinds, values, pos):
    kind = kinds[pos]
    if kind == "num":
        return values[pos], pos + 1, ""
    if kind == "(":
        value, pos, err = parse_expr(kinds, values, pos + 1)
        if err:
            return 0, pos, err
        if kinds[pos] != ")":
            return 0, pos, "expected ')' but found " + describe(kinds[pos])
        return value, pos + 1, ""
    if kind == "end":
        return 0, pos, "unexpected end of input"
    return 0, pos, "unexpected " + describe(kind)


def parse_power(kinds, values, pos):
    base, pos, err = parse_primary(kinds, values, pos)
    if err:
        return 0, pos, err
    if kinds[pos] == "**":
        exponent, pos, err = parse_unary(kinds, values, pos + 1)
        if err:
            return 0, pos, err
        if exponent < 0:
            return 0, pos, "negative exponent"
        return power(base, exponent), pos, ""
    return base, pos, ""


def parse_unary(kinds, values, pos):
    if kinds[pos] == "-":
        value, pos, err = parse_unary(kinds, values, pos + 1)
        return -value, pos, err
    if kinds[pos] == "+":
        return parse_unary(kinds, values, pos + 1)
    return parse_power(kinds, values, pos)


def parse_term(kinds, values, pos):
    left, pos, err = parse_unary(kinds, values, pos)
    if err:
        return 0, pos, err
    while kinds[pos] == "*" or kinds[pos] == "//" or kinds[pos] == "%":
        op = kinds[pos]
        right, pos, err = parse_unary(kinds, values, pos + 1)
        if err:
            return 0, pos, err
        if op == "*":
            left = left * right
        elif right == 0:
            return 0, pos, "division by zero"
        elif op == "//":
            left = left // right
        else:
            left = left % right
    return left, pos, ""


def parse_expr(kinds, values, pos):
    left, pos, err = parse_term(kinds, values, pos)
    if err:
        return 0, pos, err
    while kinds[pos] == "+" or kinds[pos] == "-":
        op = kinds[pos]
        right, pos, err = parse_term(kinds, values, pos + 1)
        if err:
            return 0, pos, err
        if op == "+":
            left = left + right
        else:
            left = left - right
    return left, pos, ""


def evaluate(text):
    """Evaluate an expression: returns (value, error)."""
    kinds, values, err = tokenize(text)
    if err:
        return 0, err
    value, pos, err = parse_expr(kinds, values, 0)
    if err:
        return 0, err
    if kinds[pos] != "end":
        return 0, "unexpected " + describe(kinds[pos]) + " after expression"
    return value, ""
