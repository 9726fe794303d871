# Low-level operations: integer floor division and modulo, list indexing with its bounds check,
# string concatenation as a support call, tuple construction.
# function: f


def f(l, s, n):
    q = n // 3
    r = n % 3
    return l[q] + r, s + "!"


def entry_point(argv):
    print(f([1, 2, 3], "hi", 4)[0])
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
# type TUPLE<Signed,STR> = GcStruct { item0: Signed, item1: Ptr(STR) }
# # returns Ptr(TUPLE<Signed,STR>)
# graph f {
#   block0(v0: Ptr(LIST<Signed>), v1: Ptr(STR), v2: Signed):
#     v3: Signed = int_floordiv(v2, 3)
#     v4: Signed = int_mod(v2, 3)
#     v5: Signed = getfield(v0, .length)
#     v6: Signed = direct_call(rpy_check_index, v3, v5)
#     v7: Ptr(ARRAY<Signed>) = getfield(v0, .items)
#     v8: Signed = getarrayitem(v7, v6)
#     v9: Signed = int_add(v8, v4)
#     v10: Ptr(STR) = direct_call(rpy_str_concat, v1, prebuilt#1)
#     v11: Ptr(TUPLE<Signed,STR>) = malloc(T51)
#     v12: Void = setfield(v11, .item0, v9)
#     v13: Void = setfield(v11, .item1, v10)
#     goto return(v11)
#   return(v14: Ptr(TUPLE<Signed,STR>)):
#   except(v15: Signed, v16: Ptr(INST<Exception>)):
# }
