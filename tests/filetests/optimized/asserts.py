# Assert removal (`--opt=3`): the branch raising AssertionError is cut; the test is then unused
# and constant folding removes it. Other raises stay.
# passes: asserts, constfold
# function: f


def f(n):
    assert n > 0
    assert n < 1000, "too big"
    if n == 7:
        raise ValueError("seven")
    return n * 2


def entry_point(argv):
    print(f(len(argv)))
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# ## before
# # returns Signed
# graph f {
#   block0(v0: Signed):
#     v1: Bool = int_gt(v0, 0)
#     switch v1
#     case False: goto block1()
#     case True: goto block3(v0)
#   block1():
#     v2: Ptr(INST<AssertionError>) = malloc(T16)
#     v3: Void = setfield(v2, .typeid, 15)
#     goto block2(v2)
#   block2(v4: Ptr(INST<AssertionError>)):
#     v5: Ptr(INST<Exception>) = cast_pointer(v4)
#     goto except(0, v5)
#   block3(v6: Signed):
#     v7: Bool = int_lt(v6, 1000)
#     switch v7
#     case False: goto block4()
#     case True: goto block6(v6)
#   block4():
#     v8: Ptr(INST<AssertionError>) = malloc(T16)
#     v9: Void = setfield(v8, .typeid, 15)
#     v10: Void = setfield(v8, .__msg__, prebuilt#0)
#     goto block5(v8)
#   block5(v11: Ptr(INST<AssertionError>)):
#     v12: Ptr(INST<Exception>) = cast_pointer(v11)
#     goto except(0, v12)
#   block6(v13: Signed):
#     v14: Bool = int_eq(v13, 7)
#     switch v14
#     case True: goto block7()
#     case False: goto block9(v13)
#   block7():
#     v15: Ptr(INST<ValueError>) = malloc(T9)
#     v16: Void = setfield(v15, .typeid, 8)
#     v17: Void = setfield(v15, .__msg__, prebuilt#1)
#     goto block8(v15)
#   block8(v18: Ptr(INST<ValueError>)):
#     v19: Ptr(INST<Exception>) = cast_pointer(v18)
#     goto except(0, v19)
#   block9(v20: Signed):
#     v21: Signed = int_mul(v20, 2)
#     goto return(v21)
#   return(v22: Signed):
#   except(v23: Signed, v24: Ptr(INST<Exception>)):
# }
# ## after
# # returns Signed
# graph f {
#   block0(v0: Signed):
#     v1: Bool = int_eq(v0, 7)
#     switch v1
#     case True: goto block1()
#     case False: goto block2(v0)
#   block1():
#     v2: Ptr(INST<ValueError>) = malloc(T9)
#     v3: Void = setfield(v2, .typeid, 8)
#     v4: Void = setfield(v2, .__msg__, prebuilt#1)
#     v5: Ptr(INST<Exception>) = cast_pointer(v2)
#     goto except(0, v5)
#   block2(v6: Signed):
#     v7: Signed = int_mul(v6, 2)
#     goto return(v7)
#   return(v8: Signed):
#   except(v9: Signed, v10: Ptr(INST<Exception>)):
# }
