# expect: 3 True
# expect: 4 True
# A list whose items are all None.
def entry_point(argv):
    nones = [None, None, None]
    print(len(nones), nones[1] is None)
    nones.append(None)
    print(len(nones), nones[3] is None)
    return 0


def target(driver, args):
    return entry_point, None
