# GC benchmark: a linked list of n objects built in a loop, as in the reference figures of the
# GC issue (4,000,000 one-field nodes: every node survives, so each minor collection copies its
# whole nursery and the old generation grows until the end). The list is then walked.
# Argument: the number of nodes.
# bench-args: 4000000
# bench-args-large: 12000000


class Node(object):
    def __init__(self, next):
        self.next = next


def build(n):
    head = None
    for i in range(n):
        head = Node(head)
    return head


def length(head):
    count = 0
    node = head
    while node is not None:
        count += 1
        node = node.next
    return count


def entry_point(argv):
    n = 200000
    if len(argv) > 1:
        n = int(argv[1])
    head = build(n)
    count = length(head)
    print("gc_linkedlist nodes:", count)
    if count != n:
        print("gc_linkedlist: WRONG RESULT, expected", n)
        return 1
    return 0


def target(driver, args):
    return entry_point, None
