# Load reuse: a field read twice, or read after a store, in one block takes the known value; a
# store to a field of the same name through another pointer, or a call, forgets it.
# passes: storesink
# function: f


class A:
    def __init__(self, v):
        self.v = v
        self.w = 0


def g(a):
    a.v += 1


def f(a, b):
    x = a.v + a.v
    a.w = x
    y = a.w + a.v
    b.v = 5
    z = a.v
    g(a)
    return x + y + z + a.v + (x * 3) + (x * 3)


def entry_point(argv):
    a = A(len(argv))
    print(f(a, A(2)))
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# ## before
# # returns Signed
# graph f {
#   block0(v0: Ptr(INST<A>), v1: Ptr(INST<A>)):
#     v2: Signed = getfield(v0, .v)
#     v3: Signed = getfield(v0, .v)
#     v4: Signed = int_add(v2, v3)
#     v5: Void = setfield(v0, .w, v4)
#     v6: Signed = getfield(v0, .w)
#     v7: Signed = getfield(v0, .v)
#     v8: Signed = int_add(v6, v7)
#     v9: Void = setfield(v1, .v, 5)
#     v10: Signed = getfield(v0, .v)
#     v11: Void = direct_call(g, v0)
#     v12: Signed = int_add(v4, v8)
#     v13: Signed = int_add(v12, v10)
#     v14: Signed = getfield(v0, .v)
#     v15: Signed = int_add(v13, v14)
#     v16: Signed = int_mul(v4, 3)
#     v17: Signed = int_add(v15, v16)
#     v18: Signed = int_mul(v4, 3)
#     v19: Signed = int_add(v17, v18)
#     goto return(v19)
#   return(v20: Signed):
#   except(v21: Signed, v22: Ptr(INST<Exception>)):
# }
# ## after
# # returns Signed
# graph f {
#   block0(v0: Ptr(INST<A>), v1: Ptr(INST<A>)):
#     v2: Signed = getfield(v0, .v)
#     v3: Signed = int_add(v2, v2)
#     v4: Void = setfield(v0, .w, v3)
#     v5: Signed = int_add(v3, v2)
#     v6: Void = setfield(v1, .v, 5)
#     v7: Signed = getfield(v0, .v)
#     v8: Void = direct_call(g, v0)
#     v9: Signed = int_add(v3, v5)
#     v10: Signed = int_add(v9, v7)
#     v11: Signed = getfield(v0, .v)
#     v12: Signed = int_add(v10, v11)
#     v13: Signed = int_mul(v3, 3)
#     v14: Signed = int_add(v12, v13)
#     v15: Signed = int_add(v14, v13)
#     goto return(v15)
#   return(v16: Signed):
#   except(v17: Signed, v18: Ptr(INST<Exception>)):
# }
