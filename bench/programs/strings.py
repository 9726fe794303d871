# Tokenizing and joining strings: scanning characters, slicing words out, concatenation, and
# comparing them.
# bench-args: 2000
# bench-args-large: 20000


TEXT = "the quick brown fox jumps over the lazy dog while 42 cats watch 7 birds fly by "


def tokenize(s, out):
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        if c == " ":
            i += 1
            continue
        j = i
        while j < n and s[j] != " ":
            j += 1
        out.append(s[i:j])
        i = j
    return out


def is_number(w):
    for c in w:
        if c < "0" or c > "9":
            return False
    return True


def entry_point(argv):
    rounds = 100
    if len(argv) > 1:
        rounds = int(argv[1])
    total = 0
    numbers = 0
    longest = ""
    for r in range(rounds):
        words = tokenize(TEXT + str(r), [])
        joined = ""
        for w in words:
            if is_number(w):
                numbers += int(w)
            if len(w) > len(longest) or (len(w) == len(longest) and w > longest):
                longest = w
            joined = joined + w + "-"
        total += len(joined)
    print(total, numbers, longest)
    return 0


def target(driver, args):
    return entry_point, None
