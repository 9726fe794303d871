# Class hints are visible in the low-level types: `_immutable_fields_` entries (plain,
# quasi-immutable `name?`, immutable items `name[*]`) and `_immutable_ = True`.
# function: f


class Code(object):
    _immutable_fields_ = ["name", "version?", "consts[*]"]

    def __init__(self, name, consts):
        self.name = name
        self.version = 0
        self.consts = consts
        self.counter = 0


class Point(object):
    _immutable_ = True

    def __init__(self, x, y):
        self.x = x
        self.y = y


def f(c, p):
    c.counter += 1
    return c.consts[0] + p.x + p.y + c.version


def entry_point(argv):
    print(f(Code("main", [1, 2]), Point(3, 4)))
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# type STR = GcStruct { hash: Signed } + [Char]
# type BYTES = GcStruct { hash: Signed } + [Char]
# type INST<Exception> = GcStruct { typeid: Signed, __msg__: Ptr(STR) }
# type INST<ArithmeticError> = GcStruct { typeid: Signed, __msg__: Ptr(STR) }
# type INST<ZeroDivisionError> = GcStruct { typeid: Signed, __msg__: Ptr(STR) }
# type INST<OverflowError> = GcStruct { typeid: Signed, __msg__: Ptr(STR) }
# type INST<LookupError> = GcStruct { typeid: Signed, __msg__: Ptr(STR) }
# type INST<IndexError> = GcStruct { typeid: Signed, __msg__: Ptr(STR) }
# type INST<KeyError> = GcStruct { typeid: Signed, __msg__: Ptr(STR) }
# type INST<ValueError> = GcStruct { typeid: Signed, __msg__: Ptr(STR) }
# type INST<UnicodeError> = GcStruct { typeid: Signed, __msg__: Ptr(STR) }
# type INST<UnicodeDecodeError> = GcStruct { typeid: Signed, __msg__: Ptr(STR) }
# type INST<UnicodeEncodeError> = GcStruct { typeid: Signed, __msg__: Ptr(STR) }
# type INST<RuntimeError> = GcStruct { typeid: Signed, __msg__: Ptr(STR) }
# type INST<RecursionError> = GcStruct { typeid: Signed, __msg__: Ptr(STR) }
# type INST<NotImplementedError> = GcStruct { typeid: Signed, __msg__: Ptr(STR) }
# type INST<AssertionError> = GcStruct { typeid: Signed, __msg__: Ptr(STR) }
# type INST<StopIteration> = GcStruct { typeid: Signed, __msg__: Ptr(STR) }
# type INST<TypeError> = GcStruct { typeid: Signed, __msg__: Ptr(STR) }
# type INST<AttributeError> = GcStruct { typeid: Signed, __msg__: Ptr(STR) }
# type INST<OSError> = GcStruct { typeid: Signed, __msg__: Ptr(STR) }
# type INST<MemoryError> = GcStruct { typeid: Signed, __msg__: Ptr(STR) }
# type INST<ParseStringError> = GcStruct { typeid: Signed, __msg__: Ptr(STR) }
# type INST<InvalidBaseError> = GcStruct { typeid: Signed, __msg__: Ptr(STR) }
# type INST<ParseStringOverflowError> = GcStruct { typeid: Signed, __msg__: Ptr(STR) }
# type INST<FatalError> = GcStruct { typeid: Signed, __msg__: Ptr(STR) }
# type INST<Code> = GcStruct { typeid: Signed, name: Ptr(STR), version: Signed, consts: Ptr(LIST<Signed>), counter: Signed } hints { consts: immutable[*], name: immutable, version: quasi-immutable }
# type INST<Point> = GcStruct { typeid: Signed, x: Signed, y: Signed } hints { x: immutable, y: immutable }
# type INST<_Specialize> = GcStruct { typeid: Signed }
# type INST<r_dict> = GcStruct { typeid: Signed }
# type INST<_RKey> = GcStruct { typeid: Signed }
# type INST<base_int> = GcStruct { typeid: Signed }
# type INST<signed_int> = GcStruct { typeid: Signed }
# type INST<r_int32> = GcStruct { typeid: Signed }
# type INST<r_short> = GcStruct { typeid: Signed }
# type INST<r_signedchar> = GcStruct { typeid: Signed }
# type INST<r_longlonglong> = GcStruct { typeid: Signed }
# type INST<unsigned_int> = GcStruct { typeid: Signed }
# type INST<r_uint> = GcStruct { typeid: Signed }
# type INST<r_uint32> = GcStruct { typeid: Signed }
# type INST<r_ushort> = GcStruct { typeid: Signed }
# type INST<r_uchar> = GcStruct { typeid: Signed }
# type INST<r_ulonglonglong> = GcStruct { typeid: Signed }
# type INST<r_singlefloat> = GcStruct { typeid: Signed }
# type INST<NumberStringParser> = GcStruct { typeid: Signed }
# type INST<AbstractStringBuilder> = GcStruct { typeid: Signed }
# type INST<StringBuilder> = GcStruct { typeid: Signed }
# type INST<UnicodeBuilder> = GcStruct { typeid: Signed }
# type INST<_DebugLog> = GcStruct { typeid: Signed }
# type ARRAY<STR> = GcStruct {  } + [Ptr(STR)]
# type LIST<STR> = GcStruct { length: Signed, items: Ptr(ARRAY<STR>) }
# type ARRAY<Signed> = GcStruct {  } + [Signed]
# type LIST<Signed> = GcStruct { length: Signed, items: Ptr(ARRAY<Signed>) }
# # returns Signed
# graph f {
#   block0(v0: Ptr(INST<Code>), v1: Ptr(INST<Point>)):
#     v2: Signed = getfield(v0, .counter)
#     v3: Signed = int_add(v2, 1)
#     v4: Void = setfield(v0, .counter, v3)
#     v5: Ptr(LIST<Signed>) = getfield(v0, .consts)
#     v6: Signed = getfield(v5, .length)
#     v7: Signed = direct_call(rpy_check_index, 0, v6)
#     v8: Ptr(ARRAY<Signed>) = getfield(v5, .items)
#     v9: Signed = getarrayitem(v8, v7)
#     v10: Signed = getfield(v1, .x)
#     v11: Signed = int_add(v9, v10)
#     v12: Signed = getfield(v1, .y)
#     v13: Signed = int_add(v11, v12)
#     v14: Signed = getfield(v0, .version)
#     v15: Signed = int_add(v13, v14)
#     goto return(v15)
#   return(v16: Signed):
#   except(v17: Signed, v18: Ptr(INST<Exception>)):
# }
