# expect: -5 negative
# expect: 0 zero
# expect: 7 small
# expect: 42 medium
# expect: 1000 large
# expect: 1 2 Fizz 4 Buzz Fizz 7 8 Fizz Buzz 11 Fizz 13 14 FizzBuzz
# expect: -1 0 1
# expect: few args
# expect: ints as conditions
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        return "medium"
    else:
        return "large"


def fizzbuzz(n):
    if n % 15 == 0:
        return "FizzBuzz"
    if n % 3 == 0:
        return "Fizz"
    if n % 5 == 0:
        return "Buzz"
    return str(n)


def sign(x):
    if x > 0:
        s = 1
    elif x < 0:
        s = -1
    else:
        s = 0
    return s


def entry_point(argv):
    for n in [-5, 0, 7, 42, 1000]:
        print(n, classify(n))
    line = ""
    for i in range(1, 16):
        if i > 1:
            line += " "
        line += fizzbuzz(i)
    print(line)
    print(sign(-3), sign(0), sign(8))
    if len(argv) > 5:
        print("many args")
    else:
        print("few args")
    if 0:
        print("never")
    if 3 and not 0:
        print("ints as conditions")
    return 0


def target(driver, args):
    return entry_point, None
