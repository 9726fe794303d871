# args: alpha beta 3
# exit: 3
# expect: arguments: 3
# expect: 1 alpha 5
# expect: 2 beta 4
# expect: 3 3 1
# expect: letters: 10
# expect: exiting with 3
def count_letters(argv):
    n = 0
    for i in range(1, len(argv)):
        n += len(argv[i])
    return n


def entry_point(argv):
    print("arguments:", len(argv) - 1)
    i = 1
    while i < len(argv):
        print(i, argv[i], len(argv[i]))
        i += 1
    print("letters:", count_letters(argv))
    code = int(argv[len(argv) - 1])
    print("exiting with", code)
    return code


def target(driver, args):
    return entry_point, None
