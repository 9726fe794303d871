# A linked list of instances (tail is a node or None) with recursive and iterative traversals.
# expect: 4 3 2 1 0
# expect: length 5 total 10
# expect: reversed 0 1 2 3 4
# expect: doubled 0 2 4 6 8
# expect: appended 0 1 2 3 4 0 2 4 6 8 length 10 nth7 4
# expect: even 0 2 4 0 2 4 6 8
# expect: sorted 0 1 2 3 4 5 9
# expect: original 4 3 2 1 0
# expect: empty 0 []
# expect: stack 30 20 2
# expect: big 1000 499500


class Cons:
    def __init__(self, head, tail):
        self.head = head
        self.tail = tail


def show(l):
    if l is None:
        return ""
    if l.tail is None:
        return str(l.head)
    return str(l.head) + " " + show(l.tail)


def length(l):
    if l is None:
        return 0
    return 1 + length(l.tail)


def total(l):
    if l is None:
        return 0
    return l.head + total(l.tail)


def reverse(l):
    r = None
    while l is not None:
        r = Cons(l.head, r)
        l = l.tail
    return r


def map_double(l):
    if l is None:
        return None
    return Cons(l.head * 2, map_double(l.tail))


def append(a, b):
    if a is None:
        return b
    return Cons(a.head, append(a.tail, b))


def nth(l, i):
    while i > 0:
        l = l.tail
        i -= 1
    return l.head


def filter_even(l):
    if l is None:
        return None
    rest = filter_even(l.tail)
    if l.head // 2 * 2 == l.head:
        return Cons(l.head, rest)
    return rest


def insert_sorted(l, v):
    if l is None or v <= l.head:
        return Cons(v, l)
    l.tail = insert_sorted(l.tail, v)
    return l


class Stack:
    def __init__(self):
        self.top = None
        self.size = 0

    def push(self, v):
        self.top = Cons(v, self.top)
        self.size += 1

    def pop(self):
        node = self.top
        self.top = node.tail
        self.size -= 1
        return node.head


def entry_point(argv):
    l = None
    for i in range(5):
        l = Cons(i, l)
    print(show(l))
    print("length", length(l), "total", total(l))
    r = reverse(l)
    print("reversed", show(r))
    m = map_double(r)
    print("doubled", show(m))
    a = append(r, m)
    print("appended", show(a), "length", length(a), "nth7", nth(a, 7))
    print("even", show(filter_even(a)))
    s = None
    for v in [5, 1, 4, 2, 3, 9, 0]:
        s = insert_sorted(s, v)
    print("sorted", show(s))
    print("original", show(l))
    print("empty", length(None), "[" + show(None) + "]")
    st = Stack()
    st.push(10)
    st.push(20)
    st.push(30)
    print("stack", st.pop(), st.top.head, st.size)
    big = None
    for i in range(1000):
        big = Cons(i, big)
    n = 0
    t = 0
    while big is not None:
        n += 1
        t += big.head
        big = big.tail
    print("big", n, t)
    return 0


def target(driver, args):
    return entry_point, None
