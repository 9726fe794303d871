"""A Brainfuck interpreter in RPython, in the style of PyPy's tutorial interpreters.

    targetbf-c program.b

reads the program from a file, precompiles it into a list of opcodes (runs of `+`/`-` and `<`/`>`
folded), matches brackets once into a dict, and interprets it over a `bytearray` tape that grows
to the right, with the JIT hints of the tutorial (a `JitDriver` whose greens are the position in
the program). It uses a class for the tape, `try`/`except` for a missing argument, and
`os.open`/`os.read`/`os.write` for input and output.
"""

import os

from rpython.rlib.jit import JitDriver


def get_location(pc, ops, args, bracket_map):
    return "%d: op %d arg %d" % (pc, ops[pc], args[pc])


jitdriver = JitDriver(greens=["pc", "ops", "args", "bracket_map"], reds=["tape"],
                      get_printable_location=get_location)


# Opcodes of the precompiled program; `+`, `-`, `<` and `>` carry a repeat count.
OP_ADD = 0
OP_MOVE = 1
OP_OUT = 2
OP_IN = 3
OP_JUMP_IF_ZERO = 4
OP_JUMP_IF_NONZERO = 5


class Tape(object):
    """The cells, a bytearray that grows to the right."""

    def __init__(self):
        self.cells = bytearray(1)
        self.position = 0

    def get(self):
        return self.cells[self.position]

    def set(self, val):
        self.cells[self.position] = val

    def add(self, n):
        self.cells[self.position] = (self.cells[self.position] + n) & 255

    def move(self, n):
        self.position += n
        while len(self.cells) <= self.position:
            self.cells.append(0)


def mainloop(ops, args, bracket_map):
    pc = 0
    tape = Tape()
    while pc < len(ops):
        jitdriver.jit_merge_point(pc=pc, tape=tape, ops=ops, args=args, bracket_map=bracket_map)
        op = ops[pc]
        if op == OP_ADD:
            tape.add(args[pc])
        elif op == OP_MOVE:
            tape.move(args[pc])
        elif op == OP_OUT:
            os.write(1, bytes([tape.get()]))
        elif op == OP_IN:
            data = os.read(0, 1)
            tape.set(data[0] if len(data) > 0 else 0)
        elif op == OP_JUMP_IF_ZERO:
            if tape.get() == 0:
                pc = bracket_map[pc]
        elif op == OP_JUMP_IF_NONZERO:
            if tape.get() != 0:
                pc = bracket_map[pc]
        pc += 1


def parse(program):
    """Precompiles the program into parallel lists of opcodes and arguments, runs of `+`/`-`
    and `<`/`>` folded into one instruction, and the bracket map (a dict, both ways)."""
    ops = []
    args = []
    bracket_map = {}
    leftstack = []
    for char in program:
        if char == "+" or char == "-":
            n = 1 if char == "+" else -1
            if len(ops) > 0 and ops[-1] == OP_ADD:
                args[-1] += n
            else:
                ops.append(OP_ADD)
                args.append(n)
        elif char == ">" or char == "<":
            n = 1 if char == ">" else -1
            if len(ops) > 0 and ops[-1] == OP_MOVE:
                args[-1] += n
            else:
                ops.append(OP_MOVE)
                args.append(n)
        elif char == ".":
            ops.append(OP_OUT)
            args.append(0)
        elif char == ",":
            ops.append(OP_IN)
            args.append(0)
        elif char == "[":
            leftstack.append(len(ops))
            ops.append(OP_JUMP_IF_ZERO)
            args.append(0)
        elif char == "]":
            left = leftstack.pop()
            right = len(ops)
            ops.append(OP_JUMP_IF_NONZERO)
            args.append(0)
            bracket_map[left] = right
            bracket_map[right] = left
    return ops, args, bracket_map


def run(fd):
    chunks = []
    while True:
        read = os.read(fd, 4096)
        if len(read) == 0:
            break
        chunks.append(read.decode("latin-1"))
    os.close(fd)
    ops, args, bracket_map = parse("".join(chunks))
    mainloop(ops, args, bracket_map)


def entry_point(argv):
    try:
        filename = argv[1]
    except IndexError:
        print("You must supply a filename")
        return 1
    run(os.open(filename, os.O_RDONLY, 0o777))
    return 0


def target(driver, args):
    return entry_point, None
