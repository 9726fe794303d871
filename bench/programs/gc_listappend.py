# GC benchmark: linked lists of many small objects. One list is built by prepending (each new
# node points at older ones), one by appending at the tail (each older node is written to point
# at a new one, which the write barrier sees); both are walked and a field summed.
# Argument: the total number of nodes (half in each list).
# bench-args: 4000000
# bench-args-large: 12000000


class Node(object):
    def __init__(self, value, next):
        self.value = value
        self.next = next


def build_prepend(n):
    head = None
    for i in range(n):
        head = Node(i, head)
    return head


def build_append(n):
    head = Node(0, None)
    tail = head
    for i in range(1, n):
        node = Node(i * 3, None)
        tail.next = node
        tail = node
    return head


def walk(head):
    total = 0
    count = 0
    node = head
    while node is not None:
        total += node.value
        count += 1
        node = node.next
    return total, count


def entry_point(argv):
    total_nodes = 200000
    if len(argv) > 1:
        total_nodes = int(argv[1])
    n = total_nodes // 2
    first = build_prepend(n)
    second = build_append(n)
    total1, count1 = walk(first)
    total2, count2 = walk(second)
    print("gc_listappend nodes:", count1 + count2, "sums:", total1, total2)
    expected = n * (n - 1) // 2
    if count1 != n or count2 != n or total1 != expected or total2 != 3 * expected:
        print("gc_listappend: WRONG RESULT, expected sums", expected, 3 * expected)
        return 1
    return 0


def target(driver, args):
    return entry_point, None
