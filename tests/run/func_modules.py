# expect: 70
# expect: 60
# expect: 0 50 100
# expect: 10 3
# expect: hello, world
# expect: 10 41
# expect: 10 hello
# expect: 2 13 6
# expect: 4 four
# expect: 67 111
import runhelper_mod


def local_twice(x):
    return runhelper_mod.scaled(x) * 2


def entry_point(argv):
    print(runhelper_mod.scaled(7))
    print(local_twice(3))
    print(runhelper_mod.clamp(-5), runhelper_mod.clamp(50), runhelper_mod.clamp(500))
    print(runhelper_mod.clamp(5, 10), runhelper_mod.clamp(5, high=3))
    print(runhelper_mod.greet("world"))
    print(runhelper_mod.sum_primes(3), runhelper_mod.sum_primes(100))
    print(runhelper_mod.SCALE, runhelper_mod.GREETING)
    print(runhelper_mod.PRIMES[0], runhelper_mod.PRIMES[-1], len(runhelper_mod.PRIMES))
    print(runhelper_mod.PAIR[0], runhelper_mod.PAIR[1])
    total = 0
    for n in range(1, 11):
        total += runhelper_mod.collatz_steps(n)
    print(total, runhelper_mod.collatz_steps(27))
    return 0


def target(driver, args):
    return entry_point, None
