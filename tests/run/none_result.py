# expect: None
# expect: show 5
# expect: None
# expect: None
# expect: not early
# expect: None
# expect: None
# expect: a None b
def nothing():
    pass


def show(x):
    print("show", x)


def early(flag):
    if flag:
        return
    print("not early")


def entry_point(argv):
    print(nothing())
    r = show(5)
    print(r)
    print(early(True))
    print(early(False))
    print(None)
    print("a", None, "b")
    return 0


def target(driver, args):
    return entry_point, None
