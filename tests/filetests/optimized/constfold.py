# Constant folding: arithmetic on constants, a switch on a constant keeps one exit, an input
# variable that always receives the same constant becomes it, unused pure results go away.
# passes: constfold
# function: f
DEBUG = False
SCALE = 3


def f(n):
    k = SCALE * 4 + 1
    unused = n * 5
    if DEBUG or k < 10:
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
#     v2: Bool = int_lt(13, 10)
#     switch v2
#     case True: goto block1(v0, 13)
#     case False: goto block2(v0, 13)
#   block1(v3: Signed, v4: Signed):
#     v5: Signed = int_add(v3, 100)
#     goto block2(v5, v4)
#   block2(v6: Signed, v7: Signed):
#     goto block3(v6, v7, 2)
#   block3(v8: Signed, v9: Signed, v10: Signed):
#     v11: Bool = int_gt(v8, 0)
#     switch v11
#     case True: goto block4(v8, v9, v10)
#     case False: goto block5(v8, v9)
#   block4(v12: Signed, v13: Signed, v14: Signed):
#     v15: Signed = int_sub(v12, v14)
#     goto block3(v15, v13, v14)
#   block5(v16: Signed, v17: Signed):
#     v18: Signed = int_add(v16, v17)
#     goto return(v18)
#   return(v19: Signed):
#   except(v20: Signed, v21: Ptr(INST<Exception>)):
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
