# str.format() with a constant format: automatic, numbered and named fields, conversions, format
# specs, escaped braces; arguments evaluated once, in order.
# expect: bob is 42 a-b-a   bob|3.14
# expect: 'bob' {literal} 0042 ff [1, 2]
# expect: eval a
# expect: eval b
# expect: b a b
def entry_point(argv):
    x = 42
    name = "bob"
    print("{} is {}".format(name, x), "{0}-{1}-{0}".format("a", "b"), "{n:>5}|{v:.2f}".format(n=name, v=3.14159))
    print("{!r} {{literal}} {:04d} {:x}".format(name, x, 255), "{}".format([1, 2]))
    more()
    return 0



def target(driver, args):
    return entry_point, None

def side(tag):
    print("eval", tag)
    return tag

def more():
    print("{1} {0} {1}".format(side("a"), side("b")))
