# expect: 01234
# expect: 34567
# expect: step 2: 0 2 4 6 8
# expect: step 3: 1 4 7 10
# expect: down: 10 9 8 7 6 5 4 3 2 1
# expect: down 3: 10 7 4 1 -2 -5 -8
# expect: empty:
# expect: empty down:
# expect: negative: -5 -4 -3 -2
# expect: 4950
# expect: i 8
# expect: i 6
# expect: i 4
# expect: 0 0 0
# expect: 0 1 1
# expect: 0 2 2
# expect: 1 0 3
# expect: 1 1 4
# expect: 1 2 5
def show(label, start, stop, step):
    line = label + ":"
    for i in range(start, stop, step):
        line += " " + str(i)
    print(line)


def entry_point(argv):
    line = ""
    for i in range(5):
        line += str(i)
    print(line)
    line = ""
    for i in range(3, 8):
        line += str(i)
    print(line)
    show("step 2", 0, 10, 2)
    show("step 3", 1, 11, 3)
    show("down", 10, 0, -1)
    show("down 3", 10, -10, -3)
    show("empty", 5, 5, 1)
    show("empty down", 0, 5, -1)
    show("negative", -5, -1, 1)
    total = 0
    for i in range(100):
        total += i
    print(total)
    for i in range(0):
        print("never")
    for i in range(-3):
        print("never")
    n = 4
    for i in range(n * 2, n - 1, -2):
        print("i", i)
    for i in range(2):
        for j in range(3):
            print(i, j, i * 3 + j)
    return 0


def target(driver, args):
    return entry_point, None
