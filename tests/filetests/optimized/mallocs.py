# Malloc removal after inlining: the tuple of a multiple return value and an instance used only
# through its fields become variables; an instance stored into another object escapes and stays.
# passes: inline, mallocs, constfold
# function: f


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


def entry_point(argv):
    b = Box()
    print(f(len(argv) + 40, b), b.p.x)
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
#     v12: Ptr(INST<Point>) = malloc(T5)
#     v13: Void = setfield(v12, .typeid, 25)
#     v14: Void = direct_call(Point.__init__, v12, v10, v11)
#     v15: Ptr(INST<Point>) = malloc(T5)
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
#     v4: Ptr(INST<Point>) = malloc(T5)
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
