# The C of a simple loop: blocks as labels, links as moves and gotos.
# function: sum_to


def sum_to(n):
    s = 0
    i = 0
    while i < n:
        s += i
        i += 1
    return s


def entry_point(argv):
    print(sum_to(10))
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# static int64_t rpy_f1_sum_to(int64_t v0) {
#     int64_t v6;
#     int64_t v7;
#     int64_t v8;
#     bool v26;
#     int64_t v15;
#     int64_t v16;
#     int64_t v17;
#     int64_t v27;
#     int64_t v28;
#     int64_t v1;
#   block0:
#     v6 = v0; v7 = INT64_C(0); v8 = INT64_C(0); goto block3;
#   block3:
#     v26 = v8 < v6;
#     if (v26) { v15 = v6; v16 = v7; v17 = v8; goto block5; } else { v1 = v7; goto block1; }
#   block5:
#     v27 = v16 + v17;
#     v28 = v17 + INT64_C(1);
#     v6 = v15; v7 = v27; v8 = v28; goto block3;
#   block1:
#     return v1;
# }
