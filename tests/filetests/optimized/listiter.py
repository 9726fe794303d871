# `for` over a list: `list_iter_next` becomes a bounds test and loads, and the iterator struct
# then disappears (malloc removal), leaving the index as a loop variable.
# passes: listiter, mallocs, constfold
# function: total


def total(l):
    s = 0
    for x in l:
        s += x
    return s


def entry_point(argv):
    print(total([1, 2, 3, len(argv)]))
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# ## before
# # returns Signed
# graph total {
#   block0(v0: Ptr(LIST<Signed>)):
#     v1: Ptr(ITER<LIST<Signed>>) = malloc(T51)
#     v2: Void = setfield(v1, .seq, v0)
#     v3: Void = setfield(v1, .index, 0)
#     goto block1(0, v1)
#   block1(v4: Signed, v5: Ptr(ITER<LIST<Signed>>)):
#     v6: Signed = list_iter_next(v5)
#     switch last_exception
#     goto block2(v4, v5, v6)
#     catch classes[16..=16]: goto return(v4)
#   block2(v7: Signed, v8: Ptr(ITER<LIST<Signed>>), v9: Signed):
#     v10: Signed = int_add(v7, v9)
#     goto block1(v10, v8)
#   return(v11: Signed):
#   except(v12: Signed, v13: Ptr(INST<Exception>)):
# }
# ## after
# # returns Signed
# graph total {
#   block0(v0: Ptr(LIST<Signed>)):
#     goto block1(0, v0, 0)
#   block1(v1: Signed, v2: Ptr(LIST<Signed>), v3: Signed):
#     v4: Signed = getfield(v2, .length)
#     v5: Bool = int_lt(v3, v4)
#     switch v5
#     case False: goto return(v1)
#     case True: goto block2(v2, v3, v1)
#   block2(v6: Ptr(LIST<Signed>), v7: Signed, v8: Signed):
#     v9: Ptr(ARRAY<Signed>) = getfield(v6, .items)
#     v10: Signed = getarrayitem(v9, v7)
#     v11: Signed = int_add(v7, 1)
#     v12: Signed = int_add(v8, v10)
#     goto block1(v12, v6, v11)
#   return(v13: Signed):
#   except(v14: Signed, v15: Ptr(INST<Exception>)):
# }
