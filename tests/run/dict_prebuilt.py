# Dicts and sets built at import time (module globals and attributes of prebuilt instances):
# static objects filled when the program starts, then read and mutated.
# expect: True False 2 3 3
# expect: add none 0 True False
# expect: 4 4 10 ['else', 'for', 'if', 'while']
# expect: 1 add
# expect: 2 sub
KEYWORDS = {"if": 1, "else": 2, "while": 3}
OPS = {1: "add", 2: "sub"}
EMPTY = {}
SEEN = {"a", "b"}


class Table(object):
    def __init__(self):
        self.d = {"x": 10}


TABLE = Table()


def entry_point(argv):
    word = argv[0][-2:] if len(argv) > 5 else "if"
    print(word in KEYWORDS, "for" in KEYWORDS, KEYWORDS.get("else", 0), len(KEYWORDS), KEYWORDS["while"])
    print(OPS[1], OPS.get(3, "none"), len(EMPTY), "a" in SEEN, "c" in SEEN)
    KEYWORDS["for"] = 4
    print(len(KEYWORDS), KEYWORDS["for"], TABLE.d["x"], sorted(KEYWORDS.keys()))
    for k in OPS:
        print(k, OPS[k])
    return 0


def target(driver, args):
    return entry_point, None
