# Builtin IndexError and ZeroDivisionError caught in the same function; LookupError/ArithmeticError.
# expect: get 10 30 -1 -1 10 -1
# expect: set ok 99 failed
# expect: pop 30 99 10 empty
# expect: char c none
# expect: div 3 -4 zero 7
# expect: literal zero caught
# expect: lookup index key index
# expect: arith zero overflow-free 10
# expect: errors 6


from rpython.rlib.rarithmetic import ovfcheck


def get(items, i):
    try:
        return items[i]
    except IndexError:
        return -1


def put(items, i, v):
    try:
        items[i] = v
        return "ok"
    except IndexError:
        return "failed"


def pop_or(items):
    try:
        return str(items.pop())
    except IndexError:
        return "empty"


def char_at(s, i):
    try:
        return s[i]
    except IndexError:
        return "none"


def div(a, b):
    try:
        return a // b
    except ZeroDivisionError:
        return 7


def lookup(items, i, key):
    try:
        if key == "":
            raise KeyError("empty key")
        return "value " + str(items[i])
    except LookupError:
        try:
            v = items[i]
            return "key"
        except IndexError:
            return "index"


def arith(a, b):
    try:
        return str(ovfcheck(a * b) // (b - 3))
    except ArithmeticError:
        return "zero"


def entry_point(argv):
    zero = len(argv) - 1
    items = [10, 20, 30]
    print("get", get(items, 0), get(items, 2), get(items, 3), get(items, -4), get(items, -3),
          get(items, 100))
    print("set", put(items, 1, 99), items[1], put(items, 5, 1))
    print("pop", pop_or(items), pop_or(items), pop_or(items), pop_or(items))
    print("char", char_at("abc", 2), char_at("abc", 3))
    print("div", div(7, 2), div(-7, 2), "zero", div(1, zero))
    try:
        x = 5 // zero
        print("not reached", x)
    except ZeroDivisionError:
        print("literal zero caught")
    nums = [1, 2]
    print("lookup", lookup(nums, 5, "k"), lookup(nums, 0, ""), lookup(nums, 9, ""))
    print("arith", arith(2, 3), "overflow-free", arith(4, 5))
    errors = 0
    for i in range(-5, 5):
        try:
            nums[i] = i
        except IndexError:
            errors += 1
    print("errors", errors)
    return 0


def target(driver, args):
    return entry_point, None
