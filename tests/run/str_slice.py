# expect: cde a abc fgh abcdefgh []
# expect: fgh abcde def bcdefg ab gh
# expect: [] [] []
# expect: [] abcdefgh abcdefgh True
# expect: 0 abc
# expect: 3 def
# expect: 6 gh
# expect: cdef True cdefgh abcdef gh abcdef
# expect: True aceca
# expect: racecar
# expect: file.txt dir/sub/
def entry_point(argv):
    s = "abcdefgh"
    print(s[2:5], s[0:1], s[:3], s[5:], s[:], "[" + s[0:0] + "]")
    print(s[-3:], s[:-3], s[-5:-2], s[1:-1], s[-100:2], s[6:100])
    print("[" + s[5:2] + "]", "[" + s[100:] + "]", "[" + s[:-100] + "]")
    print("[" + s[-1:-3] + "]", s[-8:], s[:8], s[3:3] == "")
    n = len(s)
    for i in range(0, n, 3):
        print(i, s[i:i + 3])
    a = 2
    b = 6
    print(s[a:b], s[b:a] == "", s[a:], s[:b], s[-a:], s[:-a])
    word = "racecar"
    print(word[:3] + word[3:] == word, word[1:len(word) - 1])
    rev = ""
    i = len(word)
    while i > 0:
        rev += word[i - 1:i]
        i -= 1
    print(rev)
    path = "dir/sub/file.txt"
    last = 0
    for i in range(len(path)):
        if path[i] == "/":
            last = i + 1
    print(path[last:], path[:last])
    return 0


def target(driver, args):
    return entry_point, None
