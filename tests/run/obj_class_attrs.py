# Class attributes as constants, read through the class and instances, overridden in subclasses.
# expect: token plus times neg token
# expect: 0 1 2 3 0
# expect: 2 3.0 1.5 True False
# expect: 7 token 0 0 1.5 False 0 1 tok
# expect: + plus 1 2 1.5 True 12 2 add
# expect: * times 2 2 3.0 True 22 2 add
# expect: - neg 3 1 1.5 True 31 3 minus
# expect: ? token 0 2 1.5 False 2 1 tok
# expect: operators 3 max priority 3 aliases 9
# expect: total 3 scaled 6.0


class Token:
    KIND = "token"
    PRIORITY = 0
    ARITY = 2
    SCALE = 1.5
    IS_OP = False
    ALIASES = ["tok"]

    def __init__(self, text):
        self.text = text

    def weight(self):
        return self.PRIORITY * 10 + self.ARITY


class Plus(Token):
    KIND = "plus"
    PRIORITY = 1
    IS_OP = True
    ALIASES = ["add", "plus"]


class Times(Plus):
    KIND = "times"
    PRIORITY = 2
    SCALE = 3.0


class Neg(Token):
    KIND = "neg"
    PRIORITY = 3
    ARITY = 1
    IS_OP = True
    ALIASES = ["minus", "negate", "neg"]


class Num(Token):
    ARITY = 0


TOTAL = Plus.PRIORITY + Times.PRIORITY


def entry_point(argv):
    print(Token.KIND, Plus.KIND, Times.KIND, Neg.KIND, Num.KIND)
    print(Token.PRIORITY, Plus.PRIORITY, Times.PRIORITY, Neg.PRIORITY, Num.PRIORITY)
    print(Times.ARITY, Times.SCALE, Plus.SCALE, Times.IS_OP, Num.IS_OP)
    toks = [Num("7"), Plus("+"), Times("*"), Neg("-"), Token("?")]
    n_ops = 0
    best = 0
    aliases = 0
    for t in toks:
        print(t.text, t.KIND, t.PRIORITY, t.ARITY, t.SCALE, t.IS_OP, t.weight(),
              len(t.ALIASES), t.ALIASES[0])
        if t.IS_OP:
            n_ops += 1
        if t.PRIORITY > best:
            best = t.PRIORITY
        aliases += len(t.ALIASES)
    print("operators", n_ops, "max priority", best, "aliases", aliases)
    print("total", TOTAL, "scaled", toks[2].SCALE * TOTAL - toks[1].SCALE * 2)
    return 0


def target(driver, args):
    return entry_point, None
