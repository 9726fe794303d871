# args: 30
# expect: 0 0 0
# expect: 5 5 5
# expect: 10 55 55
# expect: 15 610 610
# expect: 20 6765 6765
# expect: 25 75025 75025
# expect: 30 832040 832040
# expect: 31 True
# expect: 2880067194370816120
# expect: 1.6180339887482036
# expect: even 11
def fib_list(n):
    table = [0, 1]
    while len(table) <= n:
        table.append(table[-1] + table[-2])
    return table


def fib_iter(n):
    a, b = 0, 1
    for i in range(n):
        a, b = b, a + b
    return a


def entry_point(argv):
    n = int(argv[1])
    table = fib_list(n)
    for i in range(0, n + 1, 5):
        print(i, table[i], fib_iter(i))
    print(len(table), table[n] == fib_iter(n))
    print(fib_iter(90))
    ratio = table[n] / table[n - 1]
    print(ratio)
    even = 0
    for f in table:
        if f % 2 == 0:
            even += 1
    print("even", even)
    return 0


def target(driver, args):
    return entry_point, None
