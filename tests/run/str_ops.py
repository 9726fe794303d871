# expect: Hello, World! 13
# expect: H e o o H !
# expect: True False False True
# expect: True False True True True True
# expect: True False True
# expect: True False True True False True
# expect: True False False True
# expect: ababab ---------- 0
# expect: e True ee
# expect: 0 x []
# expect: level True
# expect: tab	here quote"s back\slash
# expect: 4 233
def repeat(s, n):
    r = ""
    for i in range(n):
        r += s
    return r


def entry_point(argv):
    s = "Hello"
    t = "World"
    u = s + ", " + t + "!"
    print(u, len(u))
    print(s[0], s[1], s[4], s[-1], s[-5], u[len(u) - 1])
    print(s == "Hello", s != "Hello", s == t, "" == "")
    print("abc" < "abd", "abc" < "ab", "b" > "abc", "a" <= "a", "Z" < "a", "" < "a")
    print("apple" >= "apple", "apple" > "apples", "10" < "9")
    print("ell" in s, "xyz" in s, "" in s, "H" in s, "h" in s, "lo" in s)
    print("o" in t, "W" in s, s + t in u, "o, W" in u)
    print(repeat("ab", 3), repeat("-", 10), len(repeat("xyz", 0)))
    c = s[1]
    print(c, c == "e", c + c)
    empty = ""
    print(len(empty), empty + "x", "[" + empty + "]")
    word = "level"
    same = True
    i = 0
    while i < len(word):
        if word[i] != word[-1 - i]:
            same = False
        i += 1
    print(word, same)
    print("tab\there", "quote\"s", "back\\slash")
    print(len("caf\xe9"), ord("caf\xe9"[3]))
    return 0


def target(driver, args):
    return entry_point, None
