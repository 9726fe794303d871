# expect: raw bytes
# expect: encoded text
# expect: hello from write_line
# expect: <0><11><22>
# expect: abcabc
# expect:
# expect: 1.5 -3
# expect: 12345
# expect: 6
# expect: done
import os


def write_line(s):
    os.write(1, (s + "\n").encode())


def write_number(n):
    os.write(1, str(n).encode())


def entry_point(argv):
    os.write(1, b"raw bytes\n")
    os.write(1, "encoded text\n".encode())
    write_line("hello from write_line")
    for i in range(3):
        os.write(1, b"<")
        write_number(i * 11)
        os.write(1, b">")
    os.write(1, b"\n")
    s = "abc"
    os.write(1, (s + s).encode())
    os.write(1, b"\n")
    os.write(1, b"")
    write_line("")
    write_line(str(1.5) + " " + str(-3))
    n = os.write(1, b"12345\n")
    write_line(str(n))
    os.write(2, b"this goes to stderr\n")
    write_line("done")
    return 0


def target(driver, args):
    return entry_point, None
