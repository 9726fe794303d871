# isinstance with a class and a tuple (type narrowed in the branch), type(x) is C, is and ==.
# expect: leaf atom False False False 3
# expect: pair compound True True False 3
# expect: triple compound True False True 9
# expect: empty atom False False False 0
# expect: plain node False False False 0
# expect: firsts leaf leaf
# expect: leaves 5 third-tags leaf
# expect: True False True True
# expect: True False True
# expect: None? True False leaf True


class Node:
    def __init__(self, tag):
        self.tag = tag


class Leaf(Node):
    def __init__(self, v):
        Node.__init__(self, "leaf")
        self.v = v

    def value(self):
        return self.v


class Pair(Node):
    def __init__(self, a, b):
        Node.__init__(self, "pair")
        self.a = a
        self.b = b

    def first(self):
        return self.a


class Triple(Pair):
    def __init__(self, a, b, c):
        Pair.__init__(self, a, b)
        self.tag = "triple"
        self.c = c

    def third(self):
        return self.c


class Empty(Node):
    def __init__(self):
        Node.__init__(self, "empty")


def evaluate(n):
    if isinstance(n, Leaf):
        return n.value()
    elif isinstance(n, Triple):
        return evaluate(n.a) + evaluate(n.b) + evaluate(n.third())
    elif isinstance(n, Pair):
        return evaluate(n.first()) + evaluate(n.b)
    return 0


def classify(n):
    if isinstance(n, (Leaf, Empty)):
        return "atom"
    if isinstance(n, Pair):
        return "compound"
    return "node"


def count_leaves(n):
    if isinstance(n, Leaf):
        return 1
    if isinstance(n, Pair):
        k = count_leaves(n.a) + count_leaves(n.b)
        if type(n) is Triple:
            k += count_leaves(n.c)
        return k
    return 0


def find_leaf(nodes, v):
    for n in nodes:
        if isinstance(n, Leaf) and n.v == v:
            return n
    return None


def entry_point(argv):
    nodes = [Leaf(3), Pair(Leaf(1), Leaf(2)), Triple(Leaf(4), Empty(), Leaf(5)), Empty(),
             Node("plain")]
    for n in nodes:
        print(n.tag, classify(n), isinstance(n, Pair), type(n) is Pair, type(n) is Triple,
              evaluate(n))
    firsts = "firsts"
    total = 0
    for n in nodes:
        if isinstance(n, (Triple, Pair)):
            firsts += " " + n.first().tag
        total += count_leaves(n)
    print(firsts)
    t = nodes[2]
    tags = ""
    if isinstance(t, Triple):
        tags = t.third().tag
    print("leaves", total, "third-tags", tags)
    a = nodes[0]
    b = nodes[0]
    c = Leaf(3)
    print(a is b, a is c, a is not c, nodes[3] is nodes[3])
    print(a == b, a == c, a != c)
    m = find_leaf(nodes, 99)
    k = find_leaf(nodes, 3)
    print("None?", m is None, isinstance(m, Leaf), k.tag, k is a)
    return 0


def target(driver, args):
    return entry_point, None
