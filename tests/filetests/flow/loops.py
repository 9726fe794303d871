# The flow graph of loops: a counting loop over range(), a while loop with break and else,
# and a for loop over a list with iter/next and a StopIteration exit.
# function: count
# function: search
# function: total


def count(n):
    acc = 0
    for i in range(1, n, 2):
        acc += i
    return acc


def search(items, x):
    i = 0
    while i < len(items):
        if items[i] == x:
            break
        i += 1
    else:
        return -1
    return i


def total(items):
    t = 0
    for v in items:
        t = t + v
    return t


def entry_point(argv):
    print(count(10), search([1, 2, 3], 2), total([4, 5]))
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# graph count {
#   block0(v0):
#     v1 = same_as(0)
#     v2 = call(<builtin #range>, <kw >, 1, v0, 2)
#     goto block1(v1, 1, v0, 2)
#   block1(v3, v4, v5, v6):
#     v7 = lt(v4, v5)
#     switch v7
#     case True: goto block2(v3, v4, v5, v6)
#     case False: goto return(v3)
#   block2(v8, v9, v10, v11):
#     v12 = add(v9, v11)
#     v13 = add(v8, v9)
#     goto block1(v13, v12, v10, v11)
#   return(v14):
#   except(v15, v16):
# }
# graph search {
#   block0(v0, v1):
#     v2 = same_as(0)
#     goto block1(v0, v1, v2)
#   block1(v3, v4, v5):
#     v6 = call(<builtin len>, <kw >, v3)
#     v7 = lt(v5, v6)
#     v8 = bool(v7)
#     switch v8
#     case True: goto block2(v3, v4, v5)
#     case False: goto return(-1)
#   block2(v9, v10, v11):
#     v12 = getitem(v9, v11)
#     v13 = eq(v12, v10)
#     v14 = bool(v13)
#     switch v14
#     case True: goto return(v11)
#     case False: goto block3(v9, v10, v11)
#   block3(v15, v16, v17):
#     v18 = add(v17, 1)
#     goto block1(v15, v16, v18)
#   return(v19):
#   except(v20, v21):
# }
# graph total {
#   block0(v0):
#     v1 = same_as(0)
#     v2 = iter(v0)
#     goto block1(v1, v2)
#   block1(v3, v4):
#     v5 = next(v4)
#     switch last_exception
#     goto block2(v3, v4, v5)
#     catch <builtin StopIteration>: goto return(v3)
#   block2(v6, v7, v8):
#     v9 = add(v6, v8)
#     goto block1(v9, v7)
#   return(v10):
#   except(v11, v12):
# }
