# GC benchmark in the gcbench style. One round: a "stretch" tree two levels deeper than the
# maximum is built and dropped; then a long-lived complete binary tree and a long-lived array of
# floats stay alive while many short-lived complete binary trees of depths 4, 6, ... up to the
# maximum depth are built, both top-down (allocate a node, then fill in its children) and
# bottom-up (children first), and their nodes counted.
# Arguments: the maximum tree depth (the number of temporary trees per depth doubles as the depth
# shrinks by one, so every depth allocates about the same number of nodes), the number of rounds
# (default 1), and `timing` to print each round's time (not deterministic, so not by default).
# bench-args: 16
# bench-args-large: 16 6

import time

MIN_DEPTH = 4
ARRAY_SIZE = 500000


class TreeNode(object):
    def __init__(self, left, right):
        self.left = left
        self.right = right
        self.i = 0
        self.j = 0


def tree_size(depth):
    # Nodes in a complete binary tree of this depth.
    return (1 << (depth + 1)) - 1


def populate(depth, node):
    # Top-down: the parent exists before its children and is written to afterwards.
    if depth <= 0:
        return
    depth -= 1
    node.left = TreeNode(None, None)
    node.right = TreeNode(None, None)
    node.i = depth
    populate(depth, node.left)
    populate(depth, node.right)


def make_tree(depth):
    # Bottom-up: the children exist before the parent.
    if depth <= 0:
        return TreeNode(None, None)
    node = TreeNode(make_tree(depth - 1), make_tree(depth - 1))
    node.j = depth
    return node


def count_nodes(node):
    if node is None:
        return 0
    return 1 + count_nodes(node.left) + count_nodes(node.right)


def time_construction(depth, max_depth):
    iterations = 2 * tree_size(max_depth) // tree_size(depth)
    errors = 0
    nodes = 0
    for k in range(iterations):
        temp = TreeNode(None, None)
        populate(depth, temp)
        c = count_nodes(temp)
        nodes += c
        if c != tree_size(depth):
            errors += 1
    for k in range(iterations):
        temp = make_tree(depth)
        c = count_nodes(temp)
        nodes += c
        if c != tree_size(depth):
            errors += 1
    return nodes, errors


def one_round(max_depth):
    stretch = TreeNode(None, None)
    populate(max_depth + 2, stretch)
    stretched = count_nodes(stretch)
    stretch = None
    long_lived = TreeNode(None, None)
    populate(max_depth, long_lived)
    array = [0.0] * ARRAY_SIZE
    for i in range(ARRAY_SIZE // 2):
        array[i] = 1.0 / (i + 1)
    total_nodes = 0
    errors = 0
    expected_nodes = 0
    depth = MIN_DEPTH
    while depth <= max_depth:
        nodes, errs = time_construction(depth, max_depth)
        total_nodes += nodes
        errors += errs
        expected_nodes += 2 * (2 * tree_size(max_depth) // tree_size(depth)) * tree_size(depth)
        depth += 2
    long_nodes = count_nodes(long_lived)
    if (errors != 0 or total_nodes != expected_nodes or long_nodes != tree_size(max_depth)
            or stretched != tree_size(max_depth + 2)
            or array[1000] != 1.0 / 1001 or array[ARRAY_SIZE - 1] != 0.0):
        print("gc_bintrees: WRONG RESULT, expected", expected_nodes, "temporary and",
              tree_size(max_depth), "long-lived nodes")
        return -1
    return total_nodes + long_nodes + stretched


def entry_point(argv):
    max_depth = 12
    rounds = 1
    timing = False
    if len(argv) > 1:
        max_depth = int(argv[1])
    if len(argv) > 2:
        rounds = int(argv[2])
    if len(argv) > 3:
        timing = argv[3] == "timing"
    nodes = 0
    for r in range(rounds):
        start = time.time()
        n = one_round(max_depth)
        if n < 0:
            return 1
        nodes += n
        if timing:
            print("round", r, "took", int((time.time() - start) * 1000), "ms")
    print("gc_bintrees depth:", max_depth, "rounds:", rounds, "nodes:", nodes)
    return 0


def target(driver, args):
    return entry_point, None
