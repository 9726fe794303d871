# rgc.add_memory_pressure takes a number of bytes (and optionally the object holding them).
from rpython.rlib import rgc


class Buffer:
    pass


def entry_point(argv):
    rgc.add_memory_pressure("a lot")
    rgc.add_memory_pressure(1024, Buffer(), 3)
    rgc.add_memory_pressure(1024, [1])
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0210]: `add_memory_pressure()` does not accept an argument of type `str`
#   --> tests/errors/rlib_memory_pressure_misuse.py:10:5
#    |
# 10 |     rgc.add_memory_pressure("a lot")
#    |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in this call
#
# error[E0210]: `add_memory_pressure()` takes one or two arguments but 3 were given
#   --> tests/errors/rlib_memory_pressure_misuse.py:11:5
#    |
# 11 |     rgc.add_memory_pressure(1024, Buffer(), 3)
#    |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in this call
#
# error[E0210]: `add_memory_pressure()` does not accept an argument of type `int`, `list[int]`
#   --> tests/errors/rlib_memory_pressure_misuse.py:12:5
#    |
# 12 |     rgc.add_memory_pressure(1024, [1])
#    |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in this call
#
# error: translation failed with 3 errors
