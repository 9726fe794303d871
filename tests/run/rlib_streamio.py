# streamio: open_file_as_stream for writing, reading (read/readline/readall/peek), seek/tell,
# appending, read-write mode, fdopen_as_stream and StreamError.
# expect: written 10028
# expect: line first line
# expect:
# expect: line café second
# expect:
# expect: long 10001
# expect: tail last 0
# expect: read first 5  line
# expect:
# expect: end last 10028
# expect: rel  line
# expect:  11
# expect: error I/O operation on closed file
# expect: r+ first
# expect: r+ firstLINEe
# expect:
# expect: fdopen 10030 last!
# expect: missing file: OSError
import os

from rpython.rlib.rstring import replace
from rpython.rlib.streamio import open_file_as_stream, fdopen_as_stream, StreamError


def entry_point(argv):
    path = "/tmp/rlib-streamio-" + replace(argv[0], "/", "_") + ".data"
    s = open_file_as_stream(path, "w")
    s.write("first line\n")
    s.write("caf\xe9 second\n")
    s.write("x" * 10000)
    s.write("\nlast")
    print("written", s.tell())
    s.close()
    s = open_file_as_stream(path, "r", 64)
    print("line", s.readline())
    print("line", s.readline())
    print("long", len(s.readline()))
    print("tail", s.readline(), len(s.readline()))
    s.seek(0, 0)
    print("read", s.read(5), s.tell(), s.peek()[0:6])
    s.seek(-4, 2)
    print("end", s.readall(), s.tell())
    s.seek(6, 0)
    s.seek(-1, 1)
    print("rel", s.read(6), s.tell())
    s.close()
    try:
        s.read(1)
    except StreamError as e:
        print("error", e.message)
    s = open_file_as_stream(path, "a")
    s.write("!\n")
    s.close()
    s = open_file_as_stream(path, "r+")
    print("r+", s.read(5))
    s.write("LINE")
    s.seek(0, 0)
    print("r+", s.readline())
    s.close()
    fd = os.open(path, os.O_RDONLY, 0)
    s = fdopen_as_stream(fd, "rb")
    data = s.readall()
    print("fdopen", len(data), data[len(data) - 6:len(data) - 1])
    s.close()
    try:
        open_file_as_stream(path + "-missing/x", "r")
    except OSError:
        print("missing file: OSError")
    os.unlink(path)
    return 0


def target(driver, args):
    return entry_point, None
