# If-chains to switches: tests of one integer (and of one character) against constants become
# one switch with a default; a chain of two tests stays.
# passes: switches
# function: op
# function: kind
# function: two


def op(code, a, b):
    if code == 0:
        return a + b
    elif code == 1:
        return a - b
    elif code == 2:
        return a * b
    elif code == 5:
        return a & b
    return -1


def kind(c):
    if c == "+":
        return 1
    elif c == "-":
        return 2
    elif c == "*":
        return 3
    return 0


def two(x):
    if x == 1:
        return 10
    elif x == 2:
        return 20
    return 0


def entry_point(argv):
    n = len(argv)
    print(op(n, 6, 3), kind(argv[0][0]), two(n))
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# ## before
# # returns Signed
# graph op {
#   block0(v0: Signed, v1: Signed, v2: Signed):
#     v3: Bool = int_eq(v0, 0)
#     switch v3
#     case True: goto block1(v1, v2)
#     case False: goto block2(v0, v1, v2)
#   block1(v4: Signed, v5: Signed):
#     v6: Signed = int_add(v4, v5)
#     goto return(v6)
#   block2(v7: Signed, v8: Signed, v9: Signed):
#     v10: Bool = int_eq(v7, 1)
#     switch v10
#     case True: goto block3(v8, v9)
#     case False: goto block4(v7, v8, v9)
#   block3(v11: Signed, v12: Signed):
#     v13: Signed = int_sub(v11, v12)
#     goto return(v13)
#   block4(v14: Signed, v15: Signed, v16: Signed):
#     v17: Bool = int_eq(v14, 2)
#     switch v17
#     case True: goto block5(v15, v16)
#     case False: goto block6(v14, v15, v16)
#   block5(v18: Signed, v19: Signed):
#     v20: Signed = int_mul(v18, v19)
#     goto return(v20)
#   block6(v21: Signed, v22: Signed, v23: Signed):
#     v24: Bool = int_eq(v21, 5)
#     switch v24
#     case True: goto block7(v22, v23)
#     case False: goto return(-1)
#   block7(v25: Signed, v26: Signed):
#     v27: Signed = int_and(v25, v26)
#     goto return(v27)
#   return(v28: Signed):
#   except(v29: Signed, v30: Ptr(INST<Exception>)):
# }
# ## after
# # returns Signed
# graph op {
#   block0(v0: Signed, v1: Signed, v2: Signed):
#     switch v0
#     case 0: goto block1(v1, v2)
#     case 1: goto block2(v1, v2)
#     case 2: goto block3(v1, v2)
#     case 5: goto block4(v1, v2)
#     default: goto return(-1)
#   block1(v3: Signed, v4: Signed):
#     v5: Signed = int_add(v3, v4)
#     goto return(v5)
#   block2(v6: Signed, v7: Signed):
#     v8: Signed = int_sub(v6, v7)
#     goto return(v8)
#   block3(v9: Signed, v10: Signed):
#     v11: Signed = int_mul(v9, v10)
#     goto return(v11)
#   block4(v12: Signed, v13: Signed):
#     v14: Signed = int_and(v12, v13)
#     goto return(v14)
#   return(v15: Signed):
#   except(v16: Signed, v17: Ptr(INST<Exception>)):
# }
# ## before
# # returns Signed
# graph kind {
#   block0(v0: Char):
#     v1: Bool = char_eq(v0, '+')
#     switch v1
#     case True: goto return(1)
#     case False: goto block1(v0)
#   block1(v2: Char):
#     v3: Bool = char_eq(v2, '-')
#     switch v3
#     case True: goto return(2)
#     case False: goto block2(v2)
#   block2(v4: Char):
#     v5: Bool = char_eq(v4, '*')
#     switch v5
#     case True: goto return(3)
#     case False: goto return(0)
#   return(v6: Signed):
#   except(v7: Signed, v8: Ptr(INST<Exception>)):
# }
# ## after
# # returns Signed
# graph kind {
#   block0(v0: Char):
#     switch v0
#     case 43: goto return(1)
#     case 45: goto return(2)
#     case 42: goto return(3)
#     default: goto return(0)
#   return(v1: Signed):
#   except(v2: Signed, v3: Ptr(INST<Exception>)):
# }
# ## before
# # returns Signed
# graph two {
#   block0(v0: Signed):
#     v1: Bool = int_eq(v0, 1)
#     switch v1
#     case True: goto return(10)
#     case False: goto block1(v0)
#   block1(v2: Signed):
#     v3: Bool = int_eq(v2, 2)
#     switch v3
#     case True: goto return(20)
#     case False: goto return(0)
#   return(v4: Signed):
#   except(v5: Signed, v6: Ptr(INST<Exception>)):
# }
# ## after
# # returns Signed
# graph two {
#   block0(v0: Signed):
#     v1: Bool = int_eq(v0, 1)
#     switch v1
#     case True: goto return(10)
#     case False: goto block1(v0)
#   block1(v2: Signed):
#     v3: Bool = int_eq(v2, 2)
#     switch v3
#     case True: goto return(20)
#     case False: goto return(0)
#   return(v4: Signed):
#   except(v5: Signed, v6: Ptr(INST<Exception>)):
# }
