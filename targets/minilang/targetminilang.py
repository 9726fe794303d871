"""minilang: a small dynamically typed language, interpreted by an AST interpreter in RPython.

    targetminilang-c program.ml

reads the program from the file, parses it and runs it. Exit status: 0 on success, 1 after a
run-time error, 2 for a parse error, a missing argument or an unreadable file. Errors are
printed on standard output as `parse error: line N: message` or `runtime error: line N:
message`.

The language
------------

Values: integers (64-bit, overflow is an error), floats (written with a decimal point, `1.5`,
no exponent), strings (`"..."` with the escapes `\n`, `\t`, `\"`, `\\`), booleans (`true`,
`false`), `nil`, lists (`[1, "a", [2]]`, mutable) and functions (first class, closures).

    # a comment runs to the end of the line
    let x = 10;                  # declares x in the current scope
    x = x + 1;                   # assigns the nearest enclosing x (an error if there is none)
    fn add(a, b) { return a + b; }
    let sq = fn(n) { return n * n; };       # anonymous function
    if x > 5 and not (x == 7) { print("big"); }
    else if x < 0 { print("negative"); } else { print("small"); }
    while x > 0 { x = x - 1; if x == 3 { break; } }
    for item in [1, 2, 3] { print(item); }  # lists and strings (character by character)
    let xs = [3, 1, 2]; xs[0] = 5; push(xs, 4); print(xs[1:3], len(xs), xs[-1]);
    print("ab" + "cd", "ab" * 2, "hello"[1], str(42) + "!");

Statements end with `;` (except `fn` definitions, `if`, `while` and `for`). Every block
(`{ ... }`) is a new scope; a function call runs in a new scope whose parent is the scope the
function was defined in, so functions see (and may assign) the variables around their
definition. `return` without a value returns nil.

Operators, from lowest to highest precedence: `or`, `and`, `not`, comparisons (`==`, `!=`,
`<`, `<=`, `>`, `>=`, not chained), `+` and `-`, `*` `/` `%`, unary `-`, then calls `f(x)`,
indexing `a[i]` and slicing `a[i:j]`. `/` and `%` of two ints divide with the result rounded
down (like Python's `//` and `%`); with a float operand they are float operations. `+` adds
numbers, concatenates two strings or two lists; `*` also repeats a string. `and`/`or`
short-circuit and return one of their operands. Only `false`, `nil`, `0`, `0.0`, `""` and `[]`
are false. `==` compares numbers by value, strings and lists by contents, other values by
identity.

Builtins: print, len, str, push, append, pop, range, int, float, type, chr, ord (see
`interp.py`). Calls nested deeper than 1000 are an error (`maximum recursion depth exceeded`).
Programs are UTF-8 text; translated, strings hold Latin-1 text for now, so a file with
characters beyond U+00FF is rejected as it is read.

Modules: `lexer.py` (tokens), `parser.py` (recursive descent to the AST), `nodes.py` (the AST
and its `eval`/`execute` methods), `objects.py` (values, environments), `interp.py` (builtins,
running a program).
"""

import os
import sys

from interp import run_source


def read_file(path):
    fd = os.open(path, os.O_RDONLY, 0o777)
    chunks = []
    try:
        while True:
            data = os.read(fd, 4096)
            if len(data) == 0:
                break
            chunks.append(data)
    finally:
        os.close(fd)
    return b"".join(chunks).decode("utf-8")


def entry_point(argv):
    if len(argv) < 2:
        print("usage: targetminilang-c program.ml")
        return 2
    path = argv[1]
    try:
        source = read_file(path)
    except OSError:
        print(f"error: cannot read {path}")
        return 2
    except UnicodeDecodeError:
        # Also raised, translated, for characters beyond U+00FF: strings of translated
        # programs hold Latin-1 text for now.
        print("error: %s is not valid UTF-8 (or has characters beyond U+00FF)" % path)
        return 2
    return run_source(source)


def target(driver, args):
    driver.exe_name = "targetminilang-c"
    # Untranslated, every minilang call nests several Python calls: let CPython go as deep as
    # the interpreter's own limit (objects.MAX_DEPTH) needs.
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 20000))
    return entry_point, None
