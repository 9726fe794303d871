# expect: alpha 5 2
# expect: beta 4 2
# expect: gamma 5 2
# expect: delta 5 2
# expect: char a 97
# expect: char b 98
# expect: char c 99
# expect: total 12
# expect: x after loop 3
# expect: found gamma
# expect: letters 10
# expect: 1.0
# expect: 2.5
# expect: -4.0
WORDS = ["alpha", "beta", "gamma", "delta"]


def count_vowels(s):
    n = 0
    for c in s:
        if c in "aeiou":
            n += 1
    return n


def entry_point(argv):
    for w in WORDS:
        print(w, len(w), count_vowels(w))
    for c in "abc":
        print("char", c, ord(c))
    total = 0
    for x in [3, 1, 4, 1, 5, 9, 2, 6]:
        if x == 1:
            continue
        if x == 9:
            break
        total += x
    print("total", total)
    x = 0
    for x in [1, 2, 3]:
        pass
    print("x after loop", x)
    found = ""
    for w in WORDS:
        if "mm" in w:
            found = w
            break
    print("found", found)
    for c in "":
        print("never")
    letters = 0
    for c in "Hello, World!":
        if "a" <= c <= "z" or "A" <= c <= "Z":
            letters += 1
    print("letters", letters)
    for f in [0.5, 1.25, -2.0]:
        print(f * 2.0)
    return 0


def target(driver, args):
    return entry_point, None
