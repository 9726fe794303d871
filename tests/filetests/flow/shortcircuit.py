# `and`/`or` values, chained comparisons and conditional expressions become branches and joins;
# constant conditions keep one branch.
# function: f

DEBUG = False


def f(a, b):
    if DEBUG:
        print("never")
    c = a < b < 10
    d = a and b or 7
    return (c, d if a > 0 else -d)


def entry_point(argv):
    print(f(1, 2)[1])
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# graph f {
#   block0(v0, v1):
#     v2 = lt(v0, v1)
#     switch v2
#     case True: goto block1(v0, v1, v1)
#     case False: goto block2(v0, v1, v2)
#   block1(v3, v4, v5):
#     v6 = lt(v5, 10)
#     goto block2(v3, v4, v6)
#   block2(v7, v8, v9):
#     v10 = bool(v7)
#     switch v10
#     case True: goto block3(v7, v9, v8)
#     case False: goto block3(v7, v9, v7)
#   block3(v11, v12, v13):
#     v14 = bool(v13)
#     switch v14
#     case False: goto block4(v11, v12, 7)
#     case True: goto block4(v11, v12, v13)
#   block4(v15, v16, v17):
#     v18 = gt(v15, 0)
#     v19 = bool(v18)
#     switch v19
#     case True: goto block5(v16, v17)
#     case False: goto block6(v17, v16)
#   block5(v20, v21):
#     v22 = newtuple(v20, v21)
#     goto return(v22)
#   block6(v23, v24):
#     v25 = neg(v23)
#     goto block5(v24, v25)
#   return(v26):
#   except(v27, v28):
# }
