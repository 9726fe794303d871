# rerased: a list with storage strategies (one erased field, a pair per strategy), erased ints, a list of mixed erased values.
# expect: empty[]
# expect: int[0, 1, 4, 9, 16]
# expect: object[0, 1, 4, 9, 16, 'x', -3] 7
# expect: object['first', 1]
# expect: 0 inst 42
# expect: 1 int 7
# expect: 2 ints sum 10
# expect: 3 int -1000000
# expect: 4 str hello
# expect: 5 inst object[0, 1, 4, 9, 16, 'x', -3]
# expect: 6 ints sum 60
# expect: round trip 4611686018427387903 -4611686018427387904 True True False
# expect: erase_int OverflowError
# expect: prebuilt 4
from rpython.rlib import rerased
from rpython.rlib.rerased import (erase_int, is_integer, new_erasing_pair,
                                  unerase_int)


class W_Root(object):
    def str(self):
        return "?"


class W_Int(W_Root):
    def __init__(self, intval):
        self.intval = intval

    def str(self):
        return str(self.intval)


class W_Str(W_Root):
    def __init__(self, strval):
        self.strval = strval

    def str(self):
        return "'" + self.strval + "'"


class ListStrategy(object):
    def length(self, w_list):
        raise NotImplementedError

    def getitem(self, w_list, i):
        raise NotImplementedError

    def append(self, w_list, w_item):
        raise NotImplementedError

    def name(self):
        return "?"


class EmptyListStrategy(ListStrategy):
    erase, unerase = rerased.new_static_erasing_pair("empty")

    def length(self, w_list):
        return 0

    def getitem(self, w_list, i):
        raise IndexError

    def append(self, w_list, w_item):
        if isinstance(w_item, W_Int):
            w_list.strategy = INT
            w_list.storage = INT.erase([w_item.intval])
        else:
            w_list.strategy = OBJECT
            w_list.storage = OBJECT.erase([w_item])

    def name(self):
        return "empty"


class IntListStrategy(ListStrategy):
    erase, unerase = rerased.new_static_erasing_pair("int")

    def length(self, w_list):
        return len(self.unerase(w_list.storage))

    def getitem(self, w_list, i):
        return W_Int(self.unerase(w_list.storage)[i])

    def append(self, w_list, w_item):
        if isinstance(w_item, W_Int):
            self.unerase(w_list.storage).append(w_item.intval)
            return
        items = []
        for x in self.unerase(w_list.storage):
            items.append(W_Int(x))
        items.append(w_item)
        w_list.strategy = OBJECT
        w_list.storage = OBJECT.erase(items)

    def name(self):
        return "int"


class ObjectListStrategy(ListStrategy):
    erase, unerase = rerased.new_static_erasing_pair("object")

    def length(self, w_list):
        return len(self.unerase(w_list.storage))

    def getitem(self, w_list, i):
        return self.unerase(w_list.storage)[i]

    def append(self, w_list, w_item):
        self.unerase(w_list.storage).append(w_item)

    def name(self):
        return "object"


EMPTY = EmptyListStrategy()
INT = IntListStrategy()
OBJECT = ObjectListStrategy()


class W_List(W_Root):
    def __init__(self):
        self.strategy = EMPTY
        self.storage = EMPTY.erase(None)

    def append(self, w_item):
        self.strategy.append(self, w_item)

    def str(self):
        parts = []
        i = 0
        while i < self.strategy.length(self):
            parts.append(self.strategy.getitem(self, i).str())
            i += 1
        return self.strategy.name() + "[" + ", ".join(parts) + "]"


erase_inst, unerase_inst = new_erasing_pair("instance")
erase_ints, unerase_ints = new_erasing_pair("int list")
erase_str, unerase_str = new_erasing_pair("string")
PREBUILT = erase_ints([10, 20, 30])


def describe(e, kind):
    if is_integer(e):
        return "int " + str(unerase_int(e))
    if kind == 0:
        return "inst " + unerase_inst(e).str()
    if kind == 1:
        total = 0
        for x in unerase_ints(e):
            total += x
        return "ints sum " + str(total)
    return "str " + unerase_str(e)


def entry_point(argv):
    w_list = W_List()
    print(w_list.str())
    for i in range(5):
        w_list.append(W_Int(i * i))
    print(w_list.str())
    w_list.append(W_Str("x"))
    w_list.append(W_Int(-3))
    print(w_list.str(), w_list.strategy.length(w_list))
    w_other = W_List()
    w_other.append(W_Str("first"))
    w_other.append(W_Int(1))
    print(w_other.str())

    erased = [erase_inst(W_Int(42)), erase_int(7), erase_ints([1, 2, 3, 4]),
              erase_int(-1000000), erase_str("hello"), erase_inst(w_list), PREBUILT]
    kinds = [0, 3, 1, 3, 2, 0, 1]
    for i in range(len(erased)):
        print(i, describe(erased[i], kinds[i]))
    print("round trip", unerase_int(erase_int(4611686018427387903)),
          unerase_int(erase_int(-4611686018427387904)),
          unerase_inst(erase_inst(w_other)) is w_other,
          is_integer(erase_int(0)), is_integer(erase_str("")))
    try:
        erase_int(4611686018427387904)
        print("no error")
    except OverflowError:
        print("erase_int OverflowError")
    shared = unerase_ints(PREBUILT)
    shared.append(40)
    print("prebuilt", len(unerase_ints(PREBUILT)))
    return 0


def target(driver, args):
    return entry_point, None
