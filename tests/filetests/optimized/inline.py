# Inlining: a small callee is copied into its caller (its raise goes to the caller's except
# block, the caller's live values travel through the copy); a recursive function, a
# `dont_inline` one and a call inside `try` stay calls; `always_inline` inlines past the budget.
# passes: inline
# function: f
from rpython.rlib.objectmodel import always_inline, dont_inline


def small(a, b):
    if b == 0:
        raise ValueError
    return a // b + 1


def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)


@dont_inline
def kept(x):
    return x + 1


@always_inline
def big(x):
    s = 0
    for i in range(x):
        s += i * i + 3 * i - 7 * (i & 5) + (i | 9) - (i ^ 3) + i // 3 - i % 7 + x * i
    return s


def f(n, m):
    r = small(n, m) + m
    try:
        t = small(m, n)
    except ValueError:
        t = 0
    return r + fact(n) + kept(t) + big(m)


def entry_point(argv):
    print(f(len(argv) + 3, 2))
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# ## before
# # returns Signed
# graph f {
#   block0(v0: Signed, v1: Signed):
#     v2: Signed = direct_call(small, v0, v1)
#     v3: Signed = int_add(v2, v1)
#     v4: Signed = direct_call(small, v1, v0)
#     switch last_exception
#     goto block1(v4, v0, v1, v3)
#     catch classes[1..=24]: goto block3(v0, v1, v3, last_exc_value)
#   block1(v5: Signed, v6: Signed, v7: Signed, v8: Signed):
#     goto block2(v6, v7, v8, v5)
#   block2(v9: Signed, v10: Signed, v11: Signed, v12: Signed):
#     v13: Signed = direct_call(fact, v9)
#     v14: Signed = int_add(v11, v13)
#     v15: Signed = direct_call(kept, v12)
#     v16: Signed = int_add(v14, v15)
#     v17: Signed = direct_call(big, v10)
#     v18: Signed = int_add(v16, v17)
#     goto return(v18)
#   block3(v19: Signed, v20: Signed, v21: Signed, v22: Ptr(INST<Exception>)):
#     v23: Bool = isinstance(v22, 8, 11)
#     switch v23
#     case True: goto block4(v19, v20, v21)
#     case False: goto except(0, v22)
#   block4(v24: Signed, v25: Signed, v26: Signed):
#     goto block2(v24, v25, v26, 0)
#   return(v27: Signed):
#   except(v28: Signed, v29: Ptr(INST<Exception>)):
# }
# ## after
# # returns Signed
# graph f {
#   block0(v0: Signed, v1: Signed):
#     v2: Bool = int_eq(v1, 0)
#     switch v2
#     case True: goto block1()
#     case False: goto block2(v0, v1, v1, v0)
#   block1():
#     v3: Ptr(INST<ValueError>) = malloc(T9)
#     v4: Void = setfield(v3, .typeid, 8)
#     v5: Ptr(INST<Exception>) = cast_pointer(v3)
#     goto except(0, v5)
#   block2(v6: Signed, v7: Signed, v8: Signed, v9: Signed):
#     v10: Signed = int_floordiv(v6, v7)
#     v11: Signed = int_add(v10, 1)
#     v12: Signed = int_add(v11, v8)
#     v13: Signed = direct_call(small, v8, v9)
#     switch last_exception
#     goto block3(v9, v8, v12, v13)
#     catch classes[1..=24]: goto block7(v9, v8, v12, last_exc_value)
#   block3(v14: Signed, v15: Signed, v16: Signed, v17: Signed):
#     v18: Signed = direct_call(fact, v14)
#     v19: Signed = int_add(v16, v18)
#     v20: Signed = direct_call(kept, v17)
#     v21: Signed = int_add(v19, v20)
#     goto block4(v15, 0, 0, v15, 1, v21)
#   block4(v22: Signed, v23: Signed, v24: Signed, v25: Signed, v26: Signed, v27: Signed):
#     v28: Bool = int_lt(v24, v25)
#     switch v28
#     case True: goto block5(v22, v23, v24, v25, v26, v27)
#     case False: goto block6(v27, v23)
#   block5(v29: Signed, v30: Signed, v31: Signed, v32: Signed, v33: Signed, v34: Signed):
#     v35: Signed = int_add(v31, v33)
#     v36: Signed = int_mul(v31, v31)
#     v37: Signed = int_mul(3, v31)
#     v38: Signed = int_add(v36, v37)
#     v39: Signed = int_and(v31, 5)
#     v40: Signed = int_mul(7, v39)
#     v41: Signed = int_sub(v38, v40)
#     v42: Signed = int_or(v31, 9)
#     v43: Signed = int_add(v41, v42)
#     v44: Signed = int_xor(v31, 3)
#     v45: Signed = int_sub(v43, v44)
#     v46: Signed = int_floordiv(v31, 3)
#     v47: Signed = int_add(v45, v46)
#     v48: Signed = int_mod(v31, 7)
#     v49: Signed = int_sub(v47, v48)
#     v50: Signed = int_mul(v29, v31)
#     v51: Signed = int_add(v49, v50)
#     v52: Signed = int_add(v30, v51)
#     goto block4(v29, v52, v35, v32, v33, v34)
#   block6(v53: Signed, v54: Signed):
#     v55: Signed = int_add(v53, v54)
#     goto return(v55)
#   block7(v56: Signed, v57: Signed, v58: Signed, v59: Ptr(INST<Exception>)):
#     v60: Bool = isinstance(v59, 8, 11)
#     switch v60
#     case True: goto block3(v56, v57, v58, 0)
#     case False: goto except(0, v59)
#   return(v61: Signed):
#   except(v62: Signed, v63: Ptr(INST<Exception>)):
# }
