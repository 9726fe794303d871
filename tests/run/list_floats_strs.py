# expect: ada,bob,cy,dee 4 dee bob
# expect: dee ADA | bob | cy
# expect: .#..
# expect: ADA
# expect: 1.5 0.25 4 2.0625
# expect: 0.8125 0.25 3
# expect: 0.0 0.25 0.5
# expect: 4 the_quick_brown_fox
def join(words, sep):
    result = ""
    i = 0
    for w in words:
        if i > 0:
            result += sep
        result += w
        i += 1
    return result


def mean(values):
    s = 0.0
    for v in values:
        s += v
    return s / len(values)


def entry_point(argv):
    names = ["ada", "bob", "cy"]
    names.append("dee")
    print(join(names, ","), len(names), names[-1], names[1])
    names[0] = "ADA"
    last = names.pop()
    print(last, join(names, " | "))
    blanks = ["."] * 4
    blanks[1] = "#"
    print(join(blanks, ""))
    longest = ""
    for n in names:
        if len(n) > len(longest):
            longest = n
    print(longest)
    values = [1.5, 2.5, 4.0]
    values.append(0.25)
    print(values[0], values[-1], len(values), mean(values))
    values[1] = -2.5
    print(mean(values), values.pop(), len(values))
    grid = [0.0] * 3
    for i in range(3):
        grid[i] = i / 4
    print(grid[0], grid[1], grid[2])
    words = []
    word = ""
    for c in "the quick  brown fox":
        if c == " ":
            if len(word) > 0:
                words.append(word)
            word = ""
        else:
            word += c
    if len(word) > 0:
        words.append(word)
    print(len(words), join(words, "_"))
    return 0


def target(driver, args):
    return entry_point, None
