# expect: out: 55
# expect: steps 97
# expect: out: 3628800
# expect: steps 97
# expect: trace: pc 0 PUSH depth 0
# expect: trace: pc 2 DUP depth 1
# expect: trace: pc 3 PRINT depth 2
# expect: out: 3
# expect: trace: pc 4 PUSH depth 1
# expect: trace: pc 6 SUB depth 2
# expect: trace: pc 7 DUP depth 1
# expect: trace: pc 8 JZ depth 2
# expect: trace: pc 10 JUMP depth 1
# expect: trace: pc 2 DUP depth 1
# expect: trace: pc 3 PRINT depth 2
# expect: out: 2
# expect: trace: pc 4 PUSH depth 1
# expect: trace: pc 6 SUB depth 2
# expect: trace: pc 7 DUP depth 1
# expect: trace: pc 8 JZ depth 2
# expect: trace: pc 10 JUMP depth 1
# expect: trace: pc 2 DUP depth 1
# expect: trace: pc 3 PRINT depth 2
# expect: out: 1
# expect: trace: pc 4 PUSH depth 1
# expect: trace: pc 6 SUB depth 2
# expect: trace: pc 7 DUP depth 1
# expect: trace: pc 8 JZ depth 2
# expect: trace: pc 12 HALT depth 1
# expect: steps 22

# A tiny stack machine: the program computes the sum 1..10, then 10!, then
# counts down printing values.
PUSH = 0
ADD = 1
SUB = 2
MUL = 3
DUP = 4
SWAP = 5
JUMP_IF_ZERO = 6
JUMP = 7
PRINT = 8
HALT = 9
OVER = 10
POP = 11

OPNAMES = ["PUSH", "ADD", "SUB", "MUL", "DUP", "SWAP", "JZ", "JUMP", "PRINT", "HALT", "OVER", "POP"]

# acc n -> loop: if n == 0 goto end; acc = acc op n; n -= 1
SUM_PROGRAM = [PUSH, 0, PUSH, 10,
               DUP, JUMP_IF_ZERO, 19, SWAP, OVER, ADD, SWAP, PUSH, 1, SUB, JUMP, 4,
               HALT, HALT, HALT, POP, PRINT, HALT]
FACT_PROGRAM = [PUSH, 1, PUSH, 10,
                DUP, JUMP_IF_ZERO, 19, SWAP, OVER, MUL, SWAP, PUSH, 1, SUB, JUMP, 4,
                HALT, HALT, HALT, POP, PRINT, HALT]
COUNTDOWN = [PUSH, 3, DUP, PRINT, PUSH, 1, SUB, DUP, JUMP_IF_ZERO, 12, JUMP, 2, HALT]


def run(code, trace):
    stack = [0] * 16
    sp = 0
    pc = 0
    steps = 0
    while True:
        op = code[pc]
        steps += 1
        if trace:
            print("trace: pc", pc, OPNAMES[op], "depth", sp)
        pc += 1
        if op == PUSH:
            stack[sp] = code[pc]
            sp += 1
            pc += 1
        elif op == ADD or op == SUB or op == MUL:
            b = stack[sp - 1]
            a = stack[sp - 2]
            sp -= 1
            if op == ADD:
                stack[sp - 1] = a + b
            elif op == SUB:
                stack[sp - 1] = a - b
            else:
                stack[sp - 1] = a * b
        elif op == DUP:
            stack[sp] = stack[sp - 1]
            sp += 1
        elif op == OVER:
            stack[sp] = stack[sp - 2]
            sp += 1
        elif op == SWAP:
            stack[sp - 1], stack[sp - 2] = stack[sp - 2], stack[sp - 1]
        elif op == POP:
            sp -= 1
        elif op == JUMP_IF_ZERO:
            sp -= 1
            if stack[sp] == 0:
                pc = code[pc]
            else:
                pc += 1
        elif op == JUMP:
            pc = code[pc]
        elif op == PRINT:
            sp -= 1
            print("out:", stack[sp])
        else:
            return steps


def entry_point(argv):
    print("steps", run(SUM_PROGRAM, False))
    print("steps", run(FACT_PROGRAM, False))
    print("steps", run(COUNTDOWN, len(argv) > 0))
    return 0


def target(driver, args):
    return entry_point, None
