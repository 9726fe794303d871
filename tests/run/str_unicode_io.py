# Wide text through repr, formatting (%s, %r, %c, f-strings, ljust/center/rjust/zfill counting
# code points), UTF-8 encode/decode round trips, encode/decode errors caught as ValueError,
# StringBuilder/UnicodeBuilder with wide characters, sys.stdout.write and os.write of UTF-8.
# expect: 'é€😀' 'tab\tnl\n' '\x00\x7f\x80\xa0\xad' '\u0378\u200b\u2028'
# expect: '\U000e0001\U0010ffff' '\'"€' "it's €" ''
# expect: [東京] ['東京'] [☺] [€] [   東京] [東京   ]|
# expect: 東京|'東京'|    東京|**東京***|2
# expect: 東京···| €€€東京 **東京** 00é   €x 
# expect: 10 97 195 177 128 [226, 130, 172]
# expect: añ€😀 True 4 b'\xc3\xa9' b'\xe9'
# expect: €A😀 3 True
# expect: decode error 1
# expect: decode error 1
# expect: decode error 2
# expect: decode error 3
# expect: decode error 4
# expect: decode error 3
# expect: encode error 1
# expect: encode error 2
# expect: b'abc'
# expect: UnicodeEncodeError
# expect: UnicodeDecodeError
# expect: abc€😀éßßß京大 11 11
# expect: Aé€😀 4
# expect: stdout: 東京
# expect: os.write: 東京
# expect: 2東京 東京東京 ééé €
# expect: ['é', '€', 'a\u0378'] {'ключ': 'значение'} ['😀']
# expect: caught: naïve € 😀 9
# expect: True True
# expect: 35 27 False
# expect: [línea 1 — €] 11
# expect: [zweite Zeile 😀] 14
import os
import sys

from rpython.rlib.rstring import StringBuilder, UnicodeBuilder


class WideError(Exception):
    def __init__(self, msg):
        self.msg = msg


def entry_point(argv):
    print(repr("é€😀"), repr("tab\tnl\n"), repr("\x00\x7f\x80\xa0\xad"), repr("\u0378\u200b\u2028"))
    print(repr("\U000e0001\U0010ffff"), repr("'\"€"), repr("it's €"), repr(""))
    x = "東京"
    print("[%s] [%r] [%c] [%c] [%5s] [%-5s]|" % (x, x, 0x263a, "€", x, x))
    print(f"{x}|{x!r}|{x:>6}|{x:*^7}|{len(x)}")
    print(x.ljust(5, "·") + "|", x.rjust(5, "€"), x.center(6, "*"), "é".zfill(3), "€x".center(5))
    b = "añ€😀".encode("utf-8")
    print(len(b), b[0], b[1], b[2], b[-1], list(b)[3:6])
    print(b.decode("utf-8"), b.decode("utf-8") == "añ€😀", len(b.decode()), "é".encode(), "é".encode("latin-1"))
    raw = bytes([0xe2, 0x82, 0xac, 0x41, 0xf0, 0x9f, 0x98, 0x80])
    print(raw.decode("utf-8"), len(raw.decode("utf-8")), raw.decode("latin-1") == "\xe2\x82\xacA\xf0\x9f\x98\x80")
    for bad in [b"\xff", b"\xc3", b"\xc0\x80", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"a\x80b"]:
        try:
            print(bad.decode("utf-8"))
        except ValueError:
            print("decode error", len(bad))
    for text in ["€", "x\u0100", "abc"]:
        try:
            print(text.encode("latin-1"))
        except ValueError:
            print("encode error", len(text))
    try:
        print("é".encode("ascii"))
    except UnicodeEncodeError:
        print("UnicodeEncodeError")
    try:
        b"\xe9".decode("ascii")
    except UnicodeDecodeError:
        print("UnicodeDecodeError")
    sb = StringBuilder()
    sb.append("abc")
    sb.append_char("€")
    sb.append("😀é")
    sb.append_multiple_char("ß", 3)
    sb.append_slice("東京大阪", 1, 3)
    s = sb.build()
    print(s, len(s), sb.getlength())
    ub = UnicodeBuilder()
    for cp in [0x41, 0xe9, 0x20ac, 0x1f600]:
        ub.append_char(chr(cp))
    print(ub.build(), len(ub.build()))
    sys.stdout.write("stdout: " + x + "\n")
    os.write(1, ("os.write: " + x + "\n").encode("utf-8"))
    print(str(len(x)) + x, x * 2, "é" * 3, ("€" * 2)[1:])
    print(["é", "€", "a\u0378"], {"ключ": "значение"}, str(["😀"]))
    try:
        raise WideError("naïve € 😀")
    except WideError as e:
        print("caught:", e.msg, len(e.msg))
    path = "/tmp/rpy-ünïcode-€-%d.txt" % os.getpid()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.write(fd, "línea 1 — €\nzweite Zeile 😀\n".encode("utf-8"))
    os.close(fd)
    print(os.path.exists(path), os.path.isfile(path))
    fd = os.open(path, os.O_RDONLY, 0)
    data = os.read(fd, 1000)
    os.close(fd)
    os.unlink(path)
    text = data.decode("utf-8")
    print(len(data), len(text), os.path.exists(path))
    for line in text.splitlines():
        print("[" + line + "]", len(line))
    return 0


def target(driver, args):
    return entry_point, None
