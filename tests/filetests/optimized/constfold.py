# Constant folding: arithmetic on constants, a switch on a constant keeps one exit, an input
# variable that always receives the same constant becomes it, unused pure results go away. (The
# switch compares floats: one on integer constants is decided by the annotator already.)
# passes: constfold
# function: f
DEBUG = False
SCALE = 3


def f(n):
    k = SCALE * 4 + 1
    unused = n * 5
    if DEBUG or k * 1.5 < 10.0:
        n = n + 100
    m = 2
    while n > 0:
        n -= m
    return n + k


def entry_point(argv):
    print(f(len(argv) + 10))
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# ## before
# # returns Signed
# graph f {
#   block0(v0: Signed):
#     v1: Signed = int_mul(v0, 5)
#     v2: Float = cast_int_to_float(13)
#     v3: Float = float_mul(v2, 1.5)
#     v4: Bool = float_lt(v3, 10.0)
#     switch v4
#     case True: goto block1(v0, 13)
#     case False: goto block2(v0, 13)
#   block1(v5: Signed, v6: Signed):
#     v7: Signed = int_add(v5, 100)
#     goto block2(v7, v6)
#   block2(v8: Signed, v9: Signed):
#     goto block3(v8, v9, 2)
#   block3(v10: Signed, v11: Signed, v12: Signed):
#     v13: Bool = int_gt(v10, 0)
#     switch v13
#     case True: goto block4(v10, v11, v12)
#     case False: goto block5(v10, v11)
#   block4(v14: Signed, v15: Signed, v16: Signed):
#     v17: Signed = int_sub(v14, v16)
#     goto block3(v17, v15, v16)
#   block5(v18: Signed, v19: Signed):
#     v20: Signed = int_add(v18, v19)
#     goto return(v20)
#   return(v21: Signed):
#   except(v22: Signed, v23: Ptr(INST<Exception>)):
# }
# ## after
# # returns Signed
# graph f {
#   block0(v0: Signed):
#     goto block1(v0)
#   block1(v1: Signed):
#     v2: Bool = int_gt(v1, 0)
#     switch v2
#     case True: goto block2(v1)
#     case False: goto block3(v1)
#   block2(v3: Signed):
#     v4: Signed = int_sub(v3, 2)
#     goto block1(v4)
#   block3(v5: Signed):
#     v6: Signed = int_add(v5, 13)
#     goto return(v6)
#   return(v7: Signed):
#   except(v8: Signed, v9: Ptr(INST<Exception>)):
# }
