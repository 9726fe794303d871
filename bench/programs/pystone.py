# A Dhrystone-style integer benchmark (the shape of "pystone"): records with a link to another
# record, a discriminant, an enumeration, an int and a 30-character string; eight procedures and
# three functions passing records and ints around; global state kept on a prebuilt instance;
# character and string comparisons; a 1-D array of 51 ints and a 51x51 2-D array.
# Argument: the number of loops. The final state is deterministic and is checked.
# bench-args: 1000000
# bench-args-large: 10000000

# Enumeration values.
E_ONE = 1
E_TWO = 2
E_THREE = 3
E_FOUR = 4
E_FIVE = 5

ARRAY_SIZE = 51

TEXT_RECORD = "RECORD TEXT, THIRTY CHARS LONG"
TEXT_FIRST = "BENCHMARK INPUT, THE FIRST ONE"
TEXT_SECOND = "BENCHMARK INPUT, THE OTHER ONE"


class Rec(object):
    def __init__(self):
        self.link = None
        self.discr = 0
        self.kind = 0
        self.num = 0
        self.text = ""

    def assign(self, other):
        # A whole-record copy, field by field (the "struct assignment" of the original shape).
        self.link = other.link
        self.discr = other.discr
        self.kind = other.kind
        self.num = other.num
        self.text = other.text


class State(object):
    # Module-level ints are constants once translated; mutable globals live here.
    def __init__(self):
        self.glob_int = 0
        self.glob_flag = False
        self.glob_ch1 = " "
        self.glob_ch2 = " "
        self.row = [0] * ARRAY_SIZE
        self.grid = make_grid(ARRAY_SIZE)
        self.head = Rec()

    def reset(self):
        self.glob_int = 0
        self.glob_flag = False
        self.glob_ch1 = " "
        self.glob_ch2 = " "
        self.row = [0] * ARRAY_SIZE
        self.grid = make_grid(ARRAY_SIZE)
        self.head = Rec()


def make_grid(n):
    grid = []
    for i in range(n):
        grid.append([0] * n)
    return grid


G = State()


def proc1(rec):
    nxt = rec.link
    nxt.assign(G.head)
    rec.num = 5
    nxt.num = rec.num
    nxt.link = rec.link
    nxt.link = proc3(nxt.link)
    if nxt.discr == E_ONE:
        nxt.num = 6
        nxt.kind = proc6(rec.kind)
        nxt.link = G.head.link
        nxt.num = proc7(nxt.num, 10)
    else:
        rec.assign(nxt)


def proc2(value):
    local = value + 10
    kind = 0
    while True:
        if G.glob_ch1 == "A":
            local -= 1
            value = local - G.glob_int
            kind = E_ONE
        if kind == E_ONE:
            break
    return value


def proc3(rec):
    if G.head is not None:
        rec = G.head.link
    else:
        G.glob_int = 100
    G.head.num = proc7(10, G.glob_int)
    return rec


def proc4():
    flag = G.glob_ch1 == "A"
    flag = flag or G.glob_flag
    G.glob_ch2 = "B"
    return flag


def proc5():
    G.glob_ch1 = "A"
    G.glob_flag = False


def proc6(kind):
    result = kind
    if not func3(kind):
        result = E_FOUR
    if kind == E_ONE:
        result = E_ONE
    elif kind == E_TWO:
        if G.glob_int > 100:
            result = E_ONE
        else:
            result = E_FOUR
    elif kind == E_THREE:
        result = E_TWO
    elif kind == E_FIVE:
        result = E_THREE
    return result


def proc7(a, b):
    return b + a + 2


def proc8(row, grid, a, b):
    i = a + 5
    row[i] = b
    row[i + 1] = row[i]
    row[i + 30] = i
    for j in range(i, i + 2):
        grid[i][j] = i
    grid[i][i - 1] += 1
    grid[i + 20][i] = row[i]
    G.glob_int = 5


def func1(c1, c2):
    first = c1
    second = first
    if second != c2:
        return E_ONE
    return E_TWO


def func2(s1, s2):
    i = 1
    ch = " "
    while i <= 1:
        if func1(s1[i], s2[i + 1]) == E_ONE:
            ch = "A"
            i += 1
    if ch >= "W" and ch <= "Z":
        i = 7
    if ch == "X":
        return True
    if s1 > s2:
        i += 7
        return True
    return False


def func3(kind):
    return kind == E_THREE


def run(loops):
    G.reset()
    nxt = Rec()
    head = Rec()
    head.link = nxt
    head.discr = E_ONE
    head.kind = E_THREE
    head.num = 40
    head.text = TEXT_RECORD
    G.head = head
    first = TEXT_FIRST
    G.grid[8][7] = 10
    a = 0
    b = 0
    c = 0
    kind = 0
    total = 0
    for n in range(loops):
        proc5()
        proc4()
        a = 2
        b = 3
        second = TEXT_SECOND
        kind = E_TWO
        G.glob_flag = not func2(first, second)
        while a < b:
            c = 5 * a - b
            c = proc7(a, b)
            a += 1
        proc8(G.row, G.grid, a, c)
        proc1(G.head)
        ch = "A"
        while ch <= G.glob_ch2:
            if kind == func1(ch, "C"):
                kind = proc6(E_ONE)
            ch = chr(ord(ch) + 1)
        c = b * a
        b = c // a
        b = 7 * (c - b) - a
        a = proc2(a)
        total += a + b + c + kind
    # One int summarising the final state.
    nx = G.head.link
    summary = [a, b, c, kind, G.glob_int, G.row[8], G.grid[8][7] - loops,
               G.head.discr, G.head.kind, G.head.num, nx.discr, nx.kind, nx.num,
               len(G.head.text), len(nx.text)]
    check = 0
    for v in summary:
        check = (check * 31 + v) % 1000000007
    if G.glob_flag:
        check = check * 2 + 1
    else:
        check = check * 2
    if G.glob_ch1 == "A" and G.glob_ch2 == "B":
        check += 1000
    return check, total


EXPECTED_CHECK = 1865423253
EXPECTED_TOTAL_PER_LOOP = 57


def entry_point(argv):
    loops = 50000
    if len(argv) > 1:
        loops = int(argv[1])
    check, total = run(loops)
    print("pystone loops:", loops, "state:", check, "total:", total)
    if loops > 0 and (check != EXPECTED_CHECK or total != EXPECTED_TOTAL_PER_LOOP * loops):
        print("pystone: WRONG RESULT, expected state", EXPECTED_CHECK, "total",
              EXPECTED_TOTAL_PER_LOOP * loops)
        return 1
    return 0


def target(driver, args):
    return entry_point, None
