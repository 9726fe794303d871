# rstring: StringBuilder/UnicodeBuilder, split/rsplit/replace and the search helpers, ParseStringError.
# args: a,b,,c
# expect: 15 Hello, World!!!
# expect: 16 Hello, World!!!?
# expect: 01234 5 0
# expect: 3 one|two|three
# expect: 4 a|b||c
# expect: a|b|c d a|b::c
# expect: a b|c|d a::b|c
# expect: bANANa bnna -a-b-c-
# expect: bbbbbb hello E
# expect: 4 7 -1 3
# expect: 7 4 2
# expect: True False True False
# expect: [padded]
# expect: empty separator rejected
# expect: parse error: bad number
from rpython.rlib.rstring import (StringBuilder, UnicodeBuilder, split, rsplit, replace, find,
                                  rfind, count, startswith, endswith, strip_spaces,
                                  ParseStringError)


def entry_point(argv):
    b = StringBuilder()
    b.append("Hello")
    b.append_char(",")
    b.append(" ")
    b.append_slice("xxWorldxx", 2, 7)
    b.append_multiple_char("!", 3)
    print(b.getlength(), b.build())
    b.append("?")
    print(b.getlength(), b.build())
    u = UnicodeBuilder(16)
    for i in range(5):
        u.append(str(i))
    print(u.build(), u.getlength(), len(StringBuilder().build()))
    parts = split("  one two\tthree\n ")
    print(len(parts), "|".join(parts))
    parts = split(argv[1], ",")
    print(len(parts), "|".join(parts))
    print("|".join(split("a b c d", None, 2)), "|".join(split("a::b::c", "::", 1)))
    print("|".join(rsplit("a b c d", None, 2)), "|".join(rsplit("a::b::c", "::", 1)))
    print(replace("banana", "an", "AN"), replace("banana", "a", "", 2), replace("abc", "", "-"))
    print(replace("aaa", "a", "bb"), replace("hello", "xyz", "Q"), replace("", "", "E"))
    print(find("hello world", "o"), rfind("hello world", "o"), find("hello", "z"), count("banana", "a"))
    print(find("hello world", "o", 5), rfind("hello world", "o", 0, 5), count("aaaa", "aa"))
    print(startswith("hello", "he"), startswith("hello", "lo"), endswith("hello", "lo"), endswith("lo", "hello"))
    print("[" + strip_spaces("  \t padded \n") + "]")
    try:
        split("abc", "")
    except ValueError:
        print("empty separator rejected")
    try:
        raise ParseStringError("bad number")
    except ParseStringError as e:
        print("parse error:", e.msg)
    return 0


def target(driver, args):
    return entry_point, None
