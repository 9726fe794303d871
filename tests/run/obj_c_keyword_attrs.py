# Attributes named like C keywords and libc macros (errno, default, int, stdin, case).
# expect: 4 4 5 6 c
class Node(object):
    def __init__(self):
        self.errno = 3
        self.default = 4
        self.int = 5
        self.stdin = 6
        self.case = "c"


def entry_point(argv):
    n = Node()
    n.errno += 1
    print(n.errno, n.default, n.int, n.stdin, n.case)
    return 0


def target(driver, args):
    return entry_point, None
