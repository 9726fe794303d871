# Annotations: ints and floats unify to float, chars to str, lists share their item type,
# and a function passed as a constant specialises its caller.
# function: entry_point
# function: apply_0_double_
# function: mix


def double(x):
    return x * 2


def apply(f, x):
    return f(x)


def mix(flag):
    if flag:
        v = 1
        s = "a"
    else:
        v = 2.5
        s = "bc"
    return v, s


def entry_point(argv):
    l = []
    l.append(argv[0][0])
    l.append("xyz")
    print(apply(double, 3), mix(len(argv) > 1)[0], l[0])
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# graph entry_point {
#   block0(v0: list[str]):
#     v1: list[str] = newlist()
#     v2: str = getitem(v0, 0)
#     v3: char = getitem(v2, 0)
#     v4: None = callmethod(v1, "append", <kw >, v3)
#     v5: None = callmethod(v1, "append", <kw >, "xyz")
#     v6: int = call(<function apply>, <kw >, <function double>, 3)
#     v7: int = call(<builtin len>, <kw >, v0)
#     v8: bool = gt(v7, 1)
#     v9: tuple[float, str] = call(<function mix>, <kw >, v8)
#     v10: float = getitem(v9, 0)
#     v11: str = getitem(v1, 0)
#     v12: None = call(<builtin print>, <kw >, v6, v10, v11)
#     goto return(0)
#   return(v13: int):
#   except(v14: impossible, v15: impossible):
# }
# graph apply[0=double] {
#   block0(v0: function double, v1: int):
#     v2: int = call(v0, <kw >, v1)
#     goto return(v2)
#   return(v3: int):
#   except(v4: impossible, v5: impossible):
# }
# graph mix {
#   block0(v0: bool):
#     v1: bool = bool(v0)
#     switch v1
#     case True: goto block1()
#     case False: goto block3()
#   block1():
#     v2: int = same_as(1)
#     v3: char = same_as("a")
#     goto block2(v2, v3)
#   block2(v4: float, v5: str):
#     v6: tuple[float, str] = newtuple(v4, v5)
#     goto return(v6)
#   block3():
#     v7: float = same_as(2.5)
#     v8: str = same_as("bc")
#     goto block2(v7, v8)
#   return(v9: tuple[float, str]):
#   except(v10: impossible, v11: impossible):
# }
