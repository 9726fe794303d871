# % formatting and f-strings with flags, widths, precisions and conversions; repr() and str() of containers.
# expect: 42|   42|42   |-0007|+42| 42|ff|FF|0xff|10|0o10
# expect: hi|   hi|hi   |h|'hi'|A|z|%
# expect: 3.141590|3.14|   3.142|3.1     |3.141590e+00|3.142e+00|3.14159|1e+20|1E-10
# expect: 2|+3.1|-0003.14|3.14159|0.1|1e+16
# expect: 42|   42|42   |  42   |00042|-0007|2a|0b101010|+42|hi|'hi'|  hi|**hi**
# expect: 3.14159|3.14|     3.142|3.14|3.141590e+00|314.159000%|1.0|42.00|True
# expect: True and None [hi] 50% [1, 2] ['hi', 'hi'] [1.5] {1: 'a'}
# expect: "it's" 'say "x"' 'a\nb\\' b'ab\x00' b'q'
# expect: 1-two
def entry_point(argv):
    x = 42
    y = -7
    f = 3.14159
    s = "hi"
    print("%d|%5d|%-5d|%05d|%+d|% d|%x|%X|%#x|%o|%#o" % (x, x, x, y, x, x, 255, 255, 255, 8, 8))
    print("%s|%5s|%-5s|%.1s|%r|%c|%c|%%" % (s, s, s, s, s, 65, "z"))
    print("%f|%.2f|%8.3f|%-8.1f|%e|%.3e|%g|%g|%G" % (f, f, f, f, f, f, f, 1e20, 1e-10))
    print("%.0f|%+.1f|%08.2f|%s|%r|%s" % (2.5, f, -f, f, 0.1, 1e16))
    print(f"{x}|{x:5}|{x:<5}|{x:^7}|{x:05}|{y:05}|{x:x}|{x:#b}|{x:+}|{s}|{s!r}|{s:>4}|{s:*^6}")
    print(f"{f}|{f:.2f}|{f:10.3f}|{f:.3}|{f:e}|{f:%}|{1.0:.3}|{x:.2f}|{True}")
    print("%s and %s" % (True, None), "[%s]" % s, "%d%%" % 50, "%s" % [1, 2], f"{[s, s]}", repr([1.5]), str({1: "a"}))
    print(repr("it's"), repr('say "x"'), repr("a\nb\\"), repr(b"ab\x00"), str(b"q"))
    t = (1, "two")
    print("%d-%s" % t)
    return 0


def target(driver, args):
    return entry_point, None
