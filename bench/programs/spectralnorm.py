# Spectral norm of an infinite matrix (the classic float benchmark), over lists of floats.
# bench-args: 300
# bench-args-large: 1000
# expect: 1.274219991


def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def mul_av(v, out, n):
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += eval_a(i, j) * v[j]
        out[i] = s


def mul_atv(v, out, n):
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += eval_a(j, i) * v[j]
        out[i] = s


def mul_atav(v, out, tmp, n):
    mul_av(v, tmp, n)
    mul_atv(tmp, out, n)


def format9(x):
    # Nine decimals without % formatting: scale, round, and place the point.
    scaled = int(x * 1000000000.0 + 0.5)
    digits = str(scaled)
    return digits[:len(digits) - 9] + "." + digits[len(digits) - 9:]


def entry_point(argv):
    n = 100
    if len(argv) > 1:
        n = int(argv[1])
    u = [1.0] * n
    v = [0.0] * n
    tmp = [0.0] * n
    for i in range(10):
        mul_atav(u, v, tmp, n)
        mul_atav(v, u, tmp, n)
    vbv = 0.0
    vv = 0.0
    for i in range(n):
        vbv += u[i] * v[i]
        vv += v[i] * v[i]
    ratio = vbv / vv
    # sqrt by Newton's method (math is not supported yet).
    x = ratio
    for i in range(50):
        x = 0.5 * (x + ratio / x)
    print(format9(x))
    return 0


def target(driver, args):
    return entry_point, None
