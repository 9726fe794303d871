# expect: i = 0
# expect: i = 1
# expect: i = 2
# expect: i = 3
# expect: i = 4
# expect: loop finished, i = 5
# expect: 7 97 2
# expect: 25 0
# expect: 56
# expect: count 1
# expect: count 3
# expect: else runs after continue
# expect: -2
def first_divisor(n):
    d = 2
    while d * d <= n:
        if n % d == 0:
            break
        d += 1
    else:
        return n
    return d


def sum_odd_below(n):
    total = 0
    i = 0
    while i < n:
        i += 1
        if i % 2 == 0:
            continue
        total += i
    return total


def entry_point(argv):
    i = 0
    while i < 5:
        print("i =", i)
        i += 1
    else:
        print("loop finished, i =", i)
    print(first_divisor(91), first_divisor(97), first_divisor(1024))
    print(sum_odd_below(10), sum_odd_below(0))
    n = 0
    while True:
        n += 7
        if n > 50:
            break
    print(n)
    count = 0
    while count < 3:
        count += 1
        if count == 2:
            continue
        print("count", count)
    else:
        print("else runs after continue")
    k = 10
    while k > 0:
        k -= 3
    print(k)
    return 0


def target(driver, args):
    return entry_point, None
