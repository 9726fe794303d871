# rlib.streamio and rlib.rfile stay byte streams (a str of characters 0-255, Latin-1), as
# untranslated: UTF-8 text goes through encode/decode around them, and writing a character above
# U+00FF raises UnicodeEncodeError (a ValueError) both ways (at once when unbuffered; a buffered
# stream raises when it flushes).
# expect: UnicodeEncodeError
# expect: 33 True
# expect: True 20
# expect: Grüße — 東京 😀 12
# expect: zweite 6
import os

from rpython.rlib.streamio import open_file_as_stream


def entry_point(argv):
    path = "/tmp/rpy-streamio-%d.txt" % os.getpid()
    text = "Grüße — 東京 😀\nzweite\n"
    f = open_file_as_stream(path, "w", 0)
    f.write(text.encode("utf-8").decode("latin-1"))
    f.write("é\n")
    try:
        f.write("€")
        print("no error")
    except UnicodeEncodeError:
        print("UnicodeEncodeError")
    f.close()
    f = open_file_as_stream(path, "r")
    raw = f.readall()
    f.close()
    os.unlink(path)
    print(len(raw), raw[-2:] == "\xe9\n")
    back = raw[:len(raw) - 2].encode("latin-1").decode("utf-8")
    print(back == text, len(back))
    for line in back.splitlines():
        print(line, len(line))
    return 0


def target(driver, args):
    return entry_point, None
