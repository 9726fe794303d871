# N-body simulation of the Jovian planets (the classic float benchmark): five bodies (the sun
# and four planets with the usual initial conditions), momentum offset, `advance(dt)` n times,
# and the energy before and after. Square roots by Newton's method (no math module).
# Argument: the number of steps. The energies are checked against CPython's figures.
# bench-args: 100000
# bench-args-large: 2000000

PI = 3.14159265358979323
SOLAR_MASS = 4.0 * PI * PI
DAYS_PER_YEAR = 365.24


class Body(object):
    def __init__(self, x, y, z, vx, vy, vz, mass):
        self.x = x
        self.y = y
        self.z = z
        self.vx = vx * DAYS_PER_YEAR
        self.vy = vy * DAYS_PER_YEAR
        self.vz = vz * DAYS_PER_YEAR
        self.mass = mass * SOLAR_MASS


def make_system():
    bodies = []
    # The sun.
    bodies.append(Body(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0))
    # Jupiter.
    bodies.append(Body(4.84143144246472090e+00, -1.16032004402742839e+00,
                       -1.03622044471123109e-01, 1.66007664274403694e-03,
                       7.69901118419740425e-03, -6.90460016972063023e-05,
                       9.54791938424326609e-04))
    # Saturn.
    bodies.append(Body(8.34336671824457987e+00, 4.12479856412430479e+00,
                       -4.03523417114321381e-01, -2.76742510726862411e-03,
                       4.99852801234917238e-03, 2.30417297573763929e-05,
                       2.85885980666130812e-04))
    # Uranus.
    bodies.append(Body(1.28943695621391310e+01, -1.51111514016986312e+01,
                       -2.23307578892655734e-01, 2.96460137564761618e-03,
                       2.37847173959480950e-03, -2.96589568540237556e-05,
                       4.36624404335156298e-05))
    # Neptune.
    bodies.append(Body(1.53796971148509165e+01, -2.59193146099879641e+01,
                       1.79258772950371181e-01, 2.68067772490389322e-03,
                       1.62824170038242295e-03, -9.51592254519715870e-05,
                       5.15138902046611451e-05))
    return bodies


def square_root(v):
    # Scale into [0.25, 4] by powers of four, then Newton's iteration; deterministic on every
    # IEEE platform, so CPython and the translated program agree bit for bit.
    if v <= 0.0:
        return 0.0
    scale = 1.0
    while v > 4.0:
        v = v * 0.25
        scale = scale * 2.0
    while v < 0.25:
        v = v * 4.0
        scale = scale * 0.5
    r = 0.5 * (1.0 + v)
    for i in range(6):
        r = 0.5 * (r + v / r)
    return r * scale


def offset_momentum(bodies):
    px = 0.0
    py = 0.0
    pz = 0.0
    for b in bodies:
        px += b.vx * b.mass
        py += b.vy * b.mass
        pz += b.vz * b.mass
    sun = bodies[0]
    sun.vx = -px / SOLAR_MASS
    sun.vy = -py / SOLAR_MASS
    sun.vz = -pz / SOLAR_MASS


def energy(bodies):
    e = 0.0
    n = len(bodies)
    for i in range(n):
        b = bodies[i]
        e += 0.5 * b.mass * (b.vx * b.vx + b.vy * b.vy + b.vz * b.vz)
        for j in range(i + 1, n):
            c = bodies[j]
            dx = b.x - c.x
            dy = b.y - c.y
            dz = b.z - c.z
            e -= b.mass * c.mass / square_root(dx * dx + dy * dy + dz * dz)
    return e


def advance(bodies, dt, steps):
    n = len(bodies)
    for s in range(steps):
        for i in range(n):
            b = bodies[i]
            for j in range(i + 1, n):
                c = bodies[j]
                dx = b.x - c.x
                dy = b.y - c.y
                dz = b.z - c.z
                d2 = dx * dx + dy * dy + dz * dz
                mag = dt / (d2 * square_root(d2))
                bm = b.mass * mag
                cm = c.mass * mag
                b.vx -= dx * cm
                b.vy -= dy * cm
                b.vz -= dz * cm
                c.vx += dx * bm
                c.vy += dy * bm
                c.vz += dz * bm
        for b in bodies:
            b.x += dt * b.vx
            b.y += dt * b.vy
            b.z += dt * b.vz


def format_fixed(x, places):
    # `places` decimals without % formatting: scale, round half away from zero, place the point.
    sign = ""
    if x < 0.0:
        sign = "-"
        x = -x
    scale = 1.0
    for i in range(places):
        scale = scale * 10.0
    digits = str(int(x * scale + 0.5))
    while len(digits) <= places:
        digits = "0" + digits
    return sign + digits[:len(digits) - places] + "." + digits[len(digits) - places:]


# Energies (to 15 decimals, so the check is close to bit-exact) for known step counts, computed
# on CPython with this very program; the first nine decimals of 0 and 1000 steps are the classic
# figures.
KNOWN_STEPS = [0, 1000, 100000, 2000000]
KNOWN_ENERGY = ["-0.169075163828525", "-0.169087605234606", "-0.169079859391667", "-0.169026285852901"]


def entry_point(argv):
    steps = 1000
    if len(argv) > 1:
        steps = int(argv[1])
    bodies = make_system()
    offset_momentum(bodies)
    e0 = energy(bodies)
    advance(bodies, 0.01, steps)
    e1 = energy(bodies)
    print("nbody steps:", steps, "energy before:", format_fixed(e0, 9), "after:",
          format_fixed(e1, 9))
    ok = format_fixed(e0, 15) == KNOWN_ENERGY[0]
    for k in range(len(KNOWN_STEPS)):
        if KNOWN_STEPS[k] == steps and format_fixed(e1, 15) != KNOWN_ENERGY[k]:
            ok = False
    if not ok:
        print("nbody: WRONG RESULT, energies to 15 decimals:", format_fixed(e0, 15),
              format_fixed(e1, 15))
        return 1
    return 0


def target(driver, args):
    return entry_point, None
