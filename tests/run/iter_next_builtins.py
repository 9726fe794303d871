# iter() and next() as builtins: over lists, strings and dict keys; StopIteration from next()
# is caught by a handler; `del d[k]` of a missing key raises KeyError into a handler.
# expect: 1 2
# expect: stop
# expect: a b
# expect: 10
# expect: keyerror {1: 2}
def entry_point(argv):
    it = iter([1, 2])
    print(next(it), next(it))
    try:
        next(it)
    except StopIteration:
        print("stop")
    s = iter("ab")
    print(next(s), next(s))
    d = {10: "x"}
    print(next(iter(d)))
    d = {1: 2}
    try:
        del d[3]
    except KeyError:
        print("keyerror", d)
    return 0


def target(driver, args):
    return entry_point, None
