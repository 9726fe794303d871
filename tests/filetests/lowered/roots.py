# Lowering: exception checks after operations that can raise, traceback records, the stack check
# of a recursive function, and shadow-stack pushes around calls that can collect.
# function: build


def build(n, acc):
    if n == 0:
        return acc
    acc.append(str(n))
    return build(n - 1, acc)


def entry_point(argv):
    print(len(build(3, [])))
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
# # returns Ptr(LIST<STR>)
# graph build {
#   block0(v0: Signed, v1: Ptr(LIST<STR>)):
#     v2: Void = stack_check()
#     v3: Bool = exc_occurred()
#     switch v3
#     case False: goto block1(v0, v1)
#     case True: goto block9()
#   block1(v4: Signed, v5: Ptr(LIST<STR>)):
#     v6: Bool = int_eq(v4, 0)
#     switch v6
#     case True: goto return(v5)
#     case False: goto block2(v4, v5)
#   block2(v7: Signed, v8: Ptr(LIST<STR>)):
#     v9: Void = gc_push_roots(v8)
#     v10: Ptr(STR) = direct_call(rpy_str_of_int, v7)
#     v11: Void = gc_pop_roots(v8)
#     v12: Bool = exc_occurred()
#     switch v12
#     case False: goto block3(v8, v10, v7)
#     case True: goto block8()
#   block3(v13: Ptr(LIST<STR>), v14: Ptr(STR), v15: Signed):
#     v16: Signed = getfield(v13, .length)
#     v17: Signed = int_add(v16, 1)
#     v18: Void = gc_push_roots(v13, v14)
#     v19: Void = list_grow(v13, v17)
#     v20: Void = gc_pop_roots(v13, v14)
#     v21: Bool = exc_occurred()
#     switch v21
#     case False: goto block4(v13, v16, v14, v17, v15)
#     case True: goto block7()
#   block4(v22: Ptr(LIST<STR>), v23: Signed, v24: Ptr(STR), v25: Signed, v26: Signed):
#     v27: Ptr(ARRAY<STR>) = getfield(v22, .items)
#     v28: Void = setarrayitem(v27, v23, v24)
#     v29: Void = setfield(v22, .length, v25)
#     v30: Signed = int_sub(v26, 1)
#     v31: Ptr(LIST<STR>) = direct_call(build, v30, v22)
#     v32: Bool = exc_occurred()
#     switch v32
#     case False: goto block5(v31)
#     case True: goto block6()
#   block5(v33: Ptr(LIST<STR>)):
#     goto return(v33)
#   block6():
#     v34: Void = traceback_record(@build)
#     goto return(null#T48)
#   block7():
#     v35: Void = traceback_record(@build)
#     goto return(null#T48)
#   block8():
#     v36: Void = traceback_record(@build)
#     goto return(null#T48)
#   block9():
#     v37: Void = traceback_record(@build)
#     goto return(null#T48)
#   return(v38: Ptr(LIST<STR>)):
#   except(v39: Signed, v40: Ptr(INST<Exception>)):
# }
