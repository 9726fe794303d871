# Malloc removal after inlining: the tuple of a multiple return value and an instance used only
# through its fields become variables; an instance stored into another object escapes and stays,
# and so do a variable that may also hold None and an instance of a class with a `__del__`.
# passes: inline, mallocs, constfold
# function: f
# function: g


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Box:
    def __init__(self):
        self.p = None


def divmod2(a, b):
    return a // b, a % b


def f(n, box):
    q, r = divmod2(n, 7)
    p = Point(q, r)
    kept = Point(r, q)
    box.p = kept
    return p.x * 10 + p.y


class Tracked:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        pass


def g(n):
    p = None
    for i in range(n):
        p = Point(i, i)
    t = Tracked(n)
    if p is None:
        return t.n
    return p.x + t.n


def entry_point(argv):
    b = Box()
    print(f(len(argv) + 40, b), b.p.x, g(len(argv)))
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# ## before
# # returns Signed
# graph f {
#   block0(v0: Signed, v1: Ptr(INST<Box>)):
#     v2: Ptr(TUPLE<Signed,Signed>) = direct_call(divmod2, v0, 7)
#     switch true
#     case False: goto block1()
#     case True: goto block3(v1, v2)
#   block1():
#     v3: Ptr(INST<ValueError>) = malloc(T9)
#     v4: Void = setfield(v3, .typeid, 8)
#     v5: Void = setfield(v3, .__msg__, prebuilt#0)
#     goto block2(v3)
#   block2(v6: Ptr(INST<ValueError>)):
#     v7: Ptr(INST<Exception>) = cast_pointer(v6)
#     goto except(0, v7)
#   block3(v8: Ptr(INST<Box>), v9: Ptr(TUPLE<Signed,Signed>)):
#     v10: Signed = getfield(v9, .item0)
#     v11: Signed = getfield(v9, .item1)
#     v12: Ptr(INST<Point>) = malloc(T26)
#     v13: Void = setfield(v12, .typeid, 25)
#     v14: Void = direct_call(Point.__init__, v12, v10, v11)
#     v15: Ptr(INST<Point>) = malloc(T26)
#     v16: Void = setfield(v15, .typeid, 25)
#     v17: Void = direct_call(Point.__init__, v15, v11, v10)
#     v18: Void = setfield(v8, .p, v15)
#     v19: Signed = getfield(v12, .x)
#     v20: Signed = int_mul(v19, 10)
#     v21: Signed = getfield(v12, .y)
#     v22: Signed = int_add(v20, v21)
#     goto return(v22)
#   return(v23: Signed):
#   except(v24: Signed, v25: Ptr(INST<Exception>)):
# }
# ## after
# # returns Signed
# graph f {
#   block0(v0: Signed, v1: Ptr(INST<Box>)):
#     v2: Signed = int_floordiv(v0, 7)
#     v3: Signed = int_mod(v0, 7)
#     v4: Ptr(INST<Point>) = malloc(T26)
#     v5: Void = setfield(v4, .typeid, 25)
#     v6: Void = setfield(v4, .x, v3)
#     v7: Void = setfield(v4, .y, v2)
#     v8: Void = setfield(v1, .p, v4)
#     v9: Signed = int_mul(v2, 10)
#     v10: Signed = int_add(v9, v3)
#     goto return(v10)
#   return(v11: Signed):
#   except(v12: Signed, v13: Ptr(INST<Exception>)):
# }
# ## before
# # returns Signed
# graph g {
#   block0(v0: Signed):
#     goto block1(v0, void, v0)
#   block1(v1: Signed, v2: Void, v3: Signed):
#     goto block2(v1, null#T26, 0, v3, 1)
#   block2(v4: Signed, v5: Ptr(INST<Point>), v6: Signed, v7: Signed, v8: Signed):
#     v9: Bool = int_lt(v6, v7)
#     switch v9
#     case True: goto block3(v4, v6, v7, v8)
#     case False: goto block4(v4, v5)
#   block3(v10: Signed, v11: Signed, v12: Signed, v13: Signed):
#     v14: Signed = int_add(v11, v13)
#     v15: Ptr(INST<Point>) = malloc(T26)
#     v16: Void = setfield(v15, .typeid, 25)
#     v17: Void = direct_call(Point.__init__, v15, v11, v11)
#     goto block2(v10, v15, v14, v12, v13)
#   block4(v18: Signed, v19: Ptr(INST<Point>)):
#     v20: Ptr(INST<Tracked>) = malloc(T28)
#     v21: Void = setfield(v20, .typeid, 27)
#     v22: Void = direct_call(Tracked.__init__, v20, v18)
#     v23: Bool = ptr_iszero(v19)
#     switch v23
#     case True: goto block5(v20)
#     case False: goto block6(v19, v20)
#   block5(v24: Ptr(INST<Tracked>)):
#     v25: Signed = getfield(v24, .n)
#     goto return(v25)
#   block6(v26: Ptr(INST<Point>), v27: Ptr(INST<Tracked>)):
#     v28: Signed = getfield(v26, .x)
#     v29: Signed = getfield(v27, .n)
#     v30: Signed = int_add(v28, v29)
#     goto return(v30)
#   return(v31: Signed):
#   except(v32: Signed, v33: Ptr(INST<Exception>)):
# }
# ## after
# # returns Signed
# graph g {
#   block0(v0: Signed):
#     goto block1(v0, null#T26, 0, v0)
#   block1(v1: Signed, v2: Ptr(INST<Point>), v3: Signed, v4: Signed):
#     v5: Bool = int_lt(v3, v4)
#     switch v5
#     case True: goto block2(v1, v3, v4)
#     case False: goto block3(v1, v2)
#   block2(v6: Signed, v7: Signed, v8: Signed):
#     v9: Signed = int_add(v7, 1)
#     v10: Ptr(INST<Point>) = malloc(T26)
#     v11: Void = setfield(v10, .typeid, 25)
#     v12: Void = setfield(v10, .x, v7)
#     v13: Void = setfield(v10, .y, v7)
#     goto block1(v6, v10, v9, v8)
#   block3(v14: Signed, v15: Ptr(INST<Point>)):
#     v16: Ptr(INST<Tracked>) = malloc(T28)
#     v17: Void = setfield(v16, .typeid, 27)
#     v18: Void = setfield(v16, .n, v14)
#     v19: Bool = ptr_iszero(v15)
#     switch v19
#     case True: goto block4(v16)
#     case False: goto block5(v15, v16)
#   block4(v20: Ptr(INST<Tracked>)):
#     v21: Signed = getfield(v20, .n)
#     goto return(v21)
#   block5(v22: Ptr(INST<Point>), v23: Ptr(INST<Tracked>)):
#     v24: Signed = getfield(v22, .x)
#     v25: Signed = getfield(v23, .n)
#     v26: Signed = int_add(v24, v25)
#     goto return(v26)
#   return(v27: Signed):
#   except(v28: Signed, v29: Ptr(INST<Exception>)):
# }
