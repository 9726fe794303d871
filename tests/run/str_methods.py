# str methods: strip family, find/rfind/index/count, case and classes, split/rsplit/splitlines, replace, justification, partition.
# expect: Hello, World| Hello, World  |   Hello, World| hi
# expect: 6 10 -1 10 3 2
# expect: 9   HELLO, WORLD     hello, world   True True True True
# expect: [a|b|c] [a|b||c] [a|b,c] [ x|y]
# expect: [a,b|c] [l1|l2|l3]
# expect: heLLo helo ab***    ab --ab-- 00042 -0042
# expect: True True True hELLO wORLD Hello World Hello
# expect: key = value=x
# expect: True h True True True cBa bdf
# expect: ValueError
# expect: [a|b  ] [ a|b]
def show(l):
    return "[" + "|".join(l) + "]"

def entry_point(argv):
    s = "  Hello, World  "
    print(s.strip() + "|", s.lstrip() + "|", s.rstrip() + "|", "xxhixx".strip("x"))
    print(s.find("o"), s.rfind("o"), s.find("zz"), s.find("o", 7), s.count("l"), "aaaa".count("aa"))
    print(s.index("W"), s.upper(), s.lower(), "abc".isalpha(), "ab1".isalnum(), "123".isdigit(), " \t".isspace())
    print(show("a b  c".split()), show("a,b,,c".split(",")), show("a,b,c".split(",", 1)), show(" x y ".rsplit(None, 1)))
    print(show("a,b,c".rsplit(",", 1)), show("l1\nl2\r\nl3".splitlines()))
    print("hello".replace("l", "L"), "hello".replace("l", "", 1), "ab".ljust(5, "*"), "ab".rjust(5), "ab".center(6, "-"), "42".zfill(5), "-42".zfill(5))
    print("hello".startswith("he"), "hello".endswith("lo"), "hello".startswith("lo", 3), "Hello World".swapcase(), "hello world".title(), "hELLO".capitalize())
    p = "key=value=x".partition("=")
    print(p[0], p[1], p[2])
    c = s[2]
    print(c.isupper(), c.lower(), c.isalpha(), "ABC".isupper(), "abc".islower(), "aBc"[::-1], "abcdef"[1::2])
    try:
        "abc".index("z")
    except ValueError:
        print("ValueError")
    more()
    return 0

def more():
    print("[" + "|".join(" a b  ".split(None, 1)) + "]", "[" + "|".join(" a b  ".rsplit(None, 1)) + "]")


def target(driver, args):
    return entry_point, None
