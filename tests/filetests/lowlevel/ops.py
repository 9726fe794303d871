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
# type ARRAY<STR> = GcStruct {  } + [Ptr(STR)]
# type LIST<STR> = GcStruct { length: Signed, items: Ptr(ARRAY<STR>) }
# type ARRAY<Signed> = GcStruct {  } + [Signed]
# type LIST<Signed> = GcStruct { length: Signed, items: Ptr(ARRAY<Signed>) }
# type TUPLE<Signed,STR> = GcStruct { item0: Signed, item1: Ptr(STR) }
# type INST<Exception> = GcStruct { typeid: Signed, __msg__: Ptr(STR) }
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
#     v11: Ptr(TUPLE<Signed,STR>) = malloc(T6)
#     v12: Void = setfield(v11, .item0, v9)
#     v13: Void = setfield(v11, .item1, v10)
#     goto return(v11)
#   return(v14: Ptr(TUPLE<Signed,STR>)):
#   except(v15: Signed, v16: Ptr(INST<Exception>)):
# }
