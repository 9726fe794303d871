# Trees of instances: a binary search tree and an n-ary tree, traversed recursively.
# expect: inorder 20 30 35 40 45 50 60 65 70 80
# expect: size 10 height 4 leaves 5 sum 495
# expect: contains True False True False
# expect: min 20 max 80
# expect: preorder root a a1 a2 b c c1 c1x
# expect: nodes 8 depth 4 leaves 4
# expect: parent of c1x: c1
# expect: parent of root is None: True
# expect: ..c1x
# expect: weights 34


class BST:
    def __init__(self, key):
        self.key = key
        self.left = None
        self.right = None


def insert(t, key):
    if t is None:
        return BST(key)
    if key < t.key:
        t.left = insert(t.left, key)
    else:
        t.right = insert(t.right, key)
    return t


def inorder(t, out):
    if t is not None:
        inorder(t.left, out)
        out.append(t.key)
        inorder(t.right, out)


def height(t):
    if t is None:
        return 0
    hl = height(t.left)
    hr = height(t.right)
    if hl > hr:
        return hl + 1
    return hr + 1


def leaves(t):
    if t is None:
        return 0
    if t.left is None and t.right is None:
        return 1
    return leaves(t.left) + leaves(t.right)


def contains(t, key):
    while t is not None:
        if key == t.key:
            return True
        if key < t.key:
            t = t.left
        else:
            t = t.right
    return False


class TNode:
    def __init__(self, name, children):
        self.name = name
        self.children = children
        self.weight = len(name)

    def count(self):
        n = 1
        for c in self.children:
            n += c.count()
        return n

    def depth(self):
        d = 0
        for c in self.children:
            cd = c.depth()
            if cd > d:
                d = cd
        return d + 1

    def nleaves(self):
        if len(self.children) == 0:
            return 1
        n = 0
        for c in self.children:
            n += c.nleaves()
        return n

    def preorder(self, out):
        out.append(self.name)
        for c in self.children:
            c.preorder(out)

    def parent_of(self, name):
        for c in self.children:
            if c.name == name:
                return self
            p = c.parent_of(name)
            if p is not None:
                return p
        return None

    def total_weight(self):
        w = self.weight
        for c in self.children:
            w += c.total_weight()
        return w


def join(words):
    s = ""
    for w in words:
        s += " " + w
    return s


def entry_point(argv):
    t = None
    for k in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65]:
        t = insert(t, k)
    keys = []
    inorder(t, keys)
    s = "inorder"
    total = 0
    for k in keys:
        s += " " + str(k)
        total += k
    print(s)
    print("size", len(keys), "height", height(t), "leaves", leaves(t), "sum", total)
    print("contains", contains(t, 45), contains(t, 55), contains(t, 80), contains(None, 1))
    lo = t
    while lo.left is not None:
        lo = lo.left
    hi = t
    while hi.right is not None:
        hi = hi.right
    print("min", lo.key, "max", hi.key)
    c1 = TNode("c1", [TNode("c1x", [])])
    a = TNode("a", [TNode("a1", []), TNode("a2", [])])
    root = TNode("root", [a, TNode("b", []), TNode("c", [c1])])
    names = []
    root.preorder(names)
    print("preorder" + join(names))
    print("nodes", root.count(), "depth", root.depth(), "leaves", root.nleaves())
    print("parent of c1x:", root.parent_of("c1x").name)
    print("parent of root is None:", root.parent_of("root") is None)
    prefix = ""
    for i in range(c1.depth()):
        prefix += "."
    print(prefix + c1.children[0].name)
    c1.weight = 20
    print("weights", root.total_weight())
    return 0


def target(driver, args):
    return entry_point, None
