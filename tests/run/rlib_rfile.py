# rfile: create_file for writing and reading (read, readline with and without a limit), seek/tell,
# truncate, closed files, and create_stdio's stdout/stderr keeping their order with print().
# expect: print first
# expect: stdout second
# expect: print third
# expect: tell 16
# expect: closed True
# expect: write on closed file: ValueError
# expect: readline alpha
# expect:  bet a
# expect:  gamma 0
# expect: read beta 10
# expect: all 16 alpha
# expect: after truncate alpha!
import os

from rpython.rlib.rstring import replace
from rpython.rlib.rfile import create_file, create_stdio


def entry_point(argv):
    stdin, stdout, stderr = create_stdio()
    print("print first")
    stdout.write("stdout second\n")
    print("print third")
    stderr.write("to stderr\n")
    path = "/tmp/rlib-rfile-" + replace(argv[0], "/", "_") + ".data"
    f = create_file(path, "w")
    f.write("alpha\nbeta\n")
    f.write("gamma")
    print("tell", f.tell())
    f.close()
    f.close()
    print("closed", f.closed)
    try:
        f.write("more")
    except ValueError:
        print("write on closed file: ValueError")
    f = create_file(path, "r")
    print("readline", f.readline(), f.readline(3), f.readline(), f.readline(), len(f.readline()))
    f.seek(6, 0)
    print("read", f.read(4), f.tell())
    f.seek(0, 0)
    everything = f.read()
    print("all", len(everything), everything[0:5])
    f.close()
    f = create_file(path, "r+")
    f.truncate(5)
    f.seek(0, 2)
    f.write("!")
    f.seek(0, 0)
    print("after truncate", f.read())
    f.close()
    os.unlink(path)
    stdout.flush()
    return 0


def target(driver, args):
    return entry_point, None
