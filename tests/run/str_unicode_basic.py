# str beyond Latin-1: literals of several scripts (CJK, Greek, emoji beyond the BMP, combining
# marks), len in code points, indexing, slicing with steps, iteration, ord/chr over the whole
# range, printing.
# expect: naïve
# expect: こんにちは 5 こ は んに
# expect: naïve café — Ωμέγα 😀 é 23
# expect: nïecf  μγ  ́ ́e 😀 αγέμΩ — éfac evïan vcé έ 
# expect: 5 😀 🎉 128512 😀b🎉 🎉c
# expect: 110 97 239 118 101 32 99 97 102 233 32 8212 32 937 956 941 947 945 32 128512 32 101 769
# expect: α 😀 1114111 2 ÿ Ā
# expect: 9
# expect: ValueError 0x110000
# expect: ValueError -1
# expect: True False True True False True False
# expect: αβγδε 5 γ 2 4

GREETING = "こんにちは"
MIXED = "naïve café — Ωμέγα 😀 e\u0301"


def entry_point(argv):
    print("naïve")
    print(GREETING, len(GREETING), GREETING[0], GREETING[-1], GREETING[1:3])
    print(MIXED, len(MIXED))
    print(MIXED[::2], MIXED[::-1], MIXED[3:20:3])
    emoji = "a😀b🎉c"
    print(len(emoji), emoji[1], emoji[3], ord(emoji[1]), emoji[1:4], emoji[-2:])
    codes = []
    for c in MIXED:
        codes.append(str(ord(c)))
    print(" ".join(codes))
    print(chr(0x3b1), chr(0x1f600), ord(chr(0x10ffff)), len(chr(0x10ffff) + chr(0)), chr(255), chr(256))
    n = 0
    for cp in [0, 0x7f, 0xff, 0x100, 0xd7ff, 0xe000, 0xfffd, 0x10000, 0x10ffff]:
        if ord(chr(cp)) == cp:
            n += 1
    print(n)
    try:
        chr(0x110000)
        print("no error")
    except ValueError:
        print("ValueError 0x110000")
    try:
        chr(-1)
        print("no error")
    except ValueError:
        print("ValueError -1")
    c = GREETING[2]
    print(c == "に", c != "に", c < "ぬ", c in GREETING, "😀" in GREETING, "é" in MIXED, "x" in MIXED)
    s = ""
    i = 0
    while i < 5:
        s = s + chr(0x3b1 + i)
        i += 1
    print(s, len(s), s[2], s.find("γ"), s.index("ε"))
    return 0


def target(driver, args):
    return entry_point, None
