# User exception classes with __init__, fields and methods, read through `except ... as e`.
# args: 123 4x5 99999 - 7
# expect: line 1 value 123
# expect: parse 2 1 ParseError: bad digit x at 2:1 2
# expect: limit 3 1000 LimitError: limit exceeded 3
# expect: other EmptyError empty input 1
# expect: line 5 value 7
# expect: kept 3 codes 2 3 1
# expect: total 130 kinds ParseError,LimitError,EmptyError
# expect: changed 12 True


class OperationError(Exception):
    def __init__(self, kind, msg, code):
        self.kind = kind
        self.msg = msg
        self.code = code

    def describe(self):
        return self.kind + ": " + self.msg


class ParseError(OperationError):
    def __init__(self, msg, line, col):
        OperationError.__init__(self, "ParseError", msg, 2)
        self.line = line
        self.col = col

    def describe(self):
        return OperationError.describe(self) + " at " + str(self.line) + ":" + str(self.col)


class LimitError(OperationError):
    def __init__(self, limit):
        OperationError.__init__(self, "LimitError", "limit exceeded", 3)
        self.limit = limit


def parse_number(s, line):
    if s == "-":
        raise OperationError("EmptyError", "empty input", 1)
    v = 0
    for i in range(len(s)):
        c = s[i]
        if c < "0" or c > "9":
            raise ParseError("bad digit " + c, line, i)
        v = v * 10 + ord(c) - ord("0")
    return v


def parse_checked(s, line):
    v = parse_number(s, line)
    if v > 1000:
        raise LimitError(1000)
    return v


def entry_point(argv):
    errs = []
    total = 0
    for i in range(1, len(argv)):
        try:
            v = parse_checked(argv[i], i)
            print("line", i, "value", v)
            total += v
        except ParseError as e:
            print("parse", e.line, e.col, e.describe(), e.code)
            errs.append(e)
        except LimitError as e:
            print("limit", e.code, e.limit, e.describe(), e.code)
            errs.append(e)
        except OperationError as e:
            print("other", e.kind, e.msg, e.code)
            errs.append(e)
    print("kept", len(errs), "codes", errs[0].code, errs[1].code, errs[2].code)
    kinds = ""
    for err in errs:
        if kinds != "":
            kinds += ","
        kinds += err.kind
    print("total", total, "kinds", kinds)
    first = errs[0]
    first.code += 10
    print("changed", errs[0].code, isinstance(first, ParseError))
    return 0


def target(driver, args):
    return entry_point, None
