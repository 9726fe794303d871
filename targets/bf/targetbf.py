"""A Brainfuck interpreter in RPython, in the style of PyPy's tutorial interpreters.

    targetbf-c program.b

reads the program from a file, matches brackets once, and interprets it over a tape that grows
to the right. It uses a class for the tape, a dict for the bracket map, `try`/`except` for a
missing argument, and `os.open`/`os.read`/`os.write` for input and output.
"""

import os

from rpython.rlib.jit import JitDriver


def get_location(pc, program, bracket_map):
    return "%d %s" % (pc, program[pc])


jitdriver = JitDriver(greens=["pc", "program", "bracket_map"], reds=["tape"],
                      get_printable_location=get_location)


class Tape(object):
    def __init__(self):
        self.thetape = [0]
        self.position = 0

    def get(self):
        return self.thetape[self.position]

    def set(self, val):
        self.thetape[self.position] = val

    def inc(self):
        self.thetape[self.position] = (self.thetape[self.position] + 1) & 255

    def dec(self):
        self.thetape[self.position] = (self.thetape[self.position] - 1) & 255

    def advance(self):
        self.position += 1
        if len(self.thetape) <= self.position:
            self.thetape.append(0)

    def devance(self):
        self.position -= 1


def mainloop(program, bracket_map):
    pc = 0
    tape = Tape()
    while pc < len(program):
        jitdriver.jit_merge_point(pc=pc, tape=tape, program=program, bracket_map=bracket_map)
        code = program[pc]
        if code == ">":
            tape.advance()
        elif code == "<":
            tape.devance()
        elif code == "+":
            tape.inc()
        elif code == "-":
            tape.dec()
        elif code == ".":
            os.write(1, bytes([tape.get()]))
        elif code == ",":
            data = os.read(0, 1)
            tape.set(data[0] if len(data) > 0 else 0)
        elif code == "[" and tape.get() == 0:
            pc = bracket_map[pc]
        elif code == "]" and tape.get() != 0:
            pc = bracket_map[pc]
        pc += 1


def parse(program):
    parsed = []
    bracket_map = {}
    leftstack = []
    pc = 0
    for char in program:
        if char in "[]<>+-,.":
            parsed.append(char)
            if char == "[":
                leftstack.append(pc)
            elif char == "]":
                left = leftstack.pop()
                right = pc
                bracket_map[left] = right
                bracket_map[right] = left
            pc += 1
    return "".join(parsed), bracket_map


def run(fd):
    chunks = []
    while True:
        read = os.read(fd, 4096)
        if len(read) == 0:
            break
        chunks.append(read.decode("latin-1"))
    os.close(fd)
    program, bracket_map = parse("".join(chunks))
    mainloop(program, bracket_map)


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
