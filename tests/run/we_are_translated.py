# expect: hello
# expect: 42
# `we_are_translated()` is true in the translated program: the branch for CPython is never
# translated (it uses a dict, which the translator does not support yet).
from rpython.rlib.objectmodel import we_are_translated


def greeting():
    if we_are_translated():
        return "hello"
    else:
        table = {"greeting": "hello"}
        return table["greeting"]


def entry_point(argv):
    print(greeting())
    if not we_are_translated():
        print({1: 42}[1])
    else:
        print(42)
    return 0


def target(driver, args):
    return entry_point, None
