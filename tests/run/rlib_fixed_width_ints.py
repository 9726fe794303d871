# The narrow fixed-width integers of rarithmetic: wrap-around of every width in each operation,
# mixing with plain ints, conversions, comparisons, storage in lists, attributes and dicts, and
# printing. Operands come from argv so that nothing folds before run time.
# expect: add 127 -128 -32768 0 0 255
# expect: sub -128 127 65535 4294967295 -2147483648
# expect: mul 0 -2 -131072 4294967294 -1
# expect: shl -128 0 0 -65536 2147483648 0
# expect: shr -1 127 -1 32767 -1 2147483647
# expect: div -128 -64 0 42 127 -2
# expect: mod 1 1 5 3 -1
# expect: bits 127 -1 255 -8 0 15
# expect: invert -1 254 32767 -2147483648 4294967294
# expect: neg -128 255 -1 -32768 4294967295
# expect: cmp True False True True False True
# expect: mix 4294967295 True 0 -2147483648 5
# expect: conv 0 -1 255 -1 2147483647 3 255
# expect: widen 300 -56 -56 2 int
# expect: float 255.0 -1.0 3
# expect: list 250 251 252 253 254 255 0 1
# expect: attr -32768 65535 -2147483648
# expect: dict 3 two one
# expect: print 4294967295 -128 val=65535 x=-1
# expect: loop 65535 131071 -1
# expect: wider 70000 -70000 300
from rpython.rlib.rarithmetic import (r_int8, r_uint8, r_int16, r_uint16, r_int32, r_uint32,
                                      r_uint, intmask, widen)


class Box(object):
    def __init__(self, a, b, c):
        self.a = a
        self.b = b
        self.c = c


def entry_point(argv):
    one = len(argv)  # 1 when run without arguments
    big = 1 << (30 + one)  # 2**31, not known before run time
    print("add", intmask(r_int8(126) + one), intmask(r_int8(127) + r_int8(one)),
          intmask(r_int16(32767) + one), intmask(r_uint16(65535) + one),
          intmask(r_uint8(255) + r_uint8(one)), intmask(r_uint8(254) + one))
    print("sub", intmask(r_int8(-127) - one), intmask(r_int8(-128) - one),
          intmask(r_uint16(0) - one), intmask(r_uint32(0) - r_uint32(one)),
          intmask(r_int32(2147483647) - r_int32(-one)))
    print("mul", intmask(r_uint8(16) * (16 * one)), intmask(r_int8(127) * 2 * one),
          intmask(r_int32(65536 * one) * -2), intmask(r_uint32(2147483647 * one) * 2),
          intmask(r_int16(-32767) * r_int16(32767 * one)))
    print("shl", intmask(r_int8(one) << 7), intmask(r_int8(one) << 8),
          intmask(r_uint8(one) << 70), intmask(r_int32(-one) << 16),
          intmask(r_uint32(one) << 31), intmask(r_uint32(one) << 32))
    print("shr", intmask(r_int8(-128 * one) >> 7), intmask(r_uint8(255 * one) >> 1),
          intmask(r_int16(-one) >> 15), intmask(r_uint16(65535 * one) >> 1),
          intmask(r_int32(-big) >> 40), intmask(r_uint32(-one) >> 1))
    print("div", intmask(r_int8(-128 * one) // r_int8(-one)), intmask(r_int8(-127 * one) // 2),
          intmask(r_uint8(one) // 2), intmask(r_uint16(65535 * one) // r_uint16(1560)),
          intmask(r_uint8(-2 * one) // 2), intmask(r_int32(-7 * one) // 4))
    print("mod", intmask(r_int8(-7 * one) % 4), intmask(r_uint8(-7 * one) % 2),
          intmask(r_uint8(-one) % r_uint8(10)),
          intmask(r_uint32(-one) % 7), intmask(r_int16(7 * one) % -4))
    print("bits", intmask(r_int8(-one) & 127), intmask(r_int8(-128) | r_int8(127 * one)),
          intmask(r_uint8(one) ^ 254), intmask(r_int16(-8 * one) & -8),
          intmask(r_uint32(0xf0f0f0f0) & r_uint32(0x0f0f0f0f * one)),
          intmask(r_uint8(0xff * one) ^ 0x1f0))
    print("invert", intmask(~r_int8(0 * one)), intmask(~r_uint8(one)),
          intmask(~r_int16(-32768 * one)), intmask(~r_int32(2147483647 * one)),
          intmask(~r_uint32(one)))
    print("neg", intmask(-r_int8(-128 * one)), intmask(-r_uint8(one)), intmask(-r_int16(one)),
          intmask(-r_int16(-32768 * one)), intmask(-r_uint32(one)))
    x8 = r_uint8(200 * one)
    print("cmp", x8 > r_uint8(100), r_int8(200 * one) > 0, r_uint8(-one) == 255,
          r_int32(big) < 0, r_uint16(one) >= r_uint16(2), x8 != r_uint8(199 * one))
    # A plain int operand is wrapped to the fixed-width type first.
    print("mix", intmask(r_uint32(0) + (-one)), r_uint32(one) == 4294967297,
          intmask(r_uint8(one) * 256), intmask(big + r_int32(0)), intmask(2 + r_uint16(3 * one)))
    print("conv", intmask(r_int8(256 * one)), intmask(r_int8(255 * one)),
          intmask(r_uint8(-one)), intmask(r_int32(big * 2 - one)),
          intmask(r_int32(big - one)), intmask(r_int16(3.9 * one)), intmask(r_uint8(r_int8(-one))))
    w = r_int8(-56 * one)
    n = widen(w) + 356
    print("widen", n, int(w), widen(w), int(r_uint32(2 * one)),
          "int" if isinstance(widen(w) + big, int) else "other")
    print("float", float(r_uint8(-one)), float(r_int16(-one)), intmask(r_int8(int(3.5 * one))))
    items = []
    for i in range(8):
        items.append(r_uint8(250 * one) + r_uint8(i))
    print("list", " ".join([str(intmask(v)) for v in items]))
    box = Box(r_int16(32767 * one) + 1, r_uint16(-one), r_int32(big))
    print("attr", intmask(box.a), intmask(box.b), intmask(box.c))
    d = {}
    d[r_uint8(257 * one)] = "one"
    d[r_uint8(2 * one)] = "two"
    d[r_uint8(258 * one)] = "again two"
    d[r_uint8(259 * one)] = "three"
    names = d[r_uint8(2)]
    print("dict", len(d), "two" if names == "again two" else "?", d[r_uint8(one)])
    print("print", r_uint32(-one), r_int8(128 * one), "val=%d" % r_uint16(-one),
          "x=" + str(r_int32(big * 2 - one)))
    acc = r_uint16(0)
    i = 0
    while i < 17:
        acc = (acc << 1) | r_uint16(one)
        i += 1
    acc32 = r_uint32(0)
    for i in range(17):
        acc32 = (acc32 << 1) | one
    s32 = r_int32(acc32) - r_int32(131072)
    print("loop", intmask(acc), intmask(acc32), intmask(s32))
    # Same signedness, different widths: the wider type.
    print("wider", intmask(r_int32(69999) + r_int16(one)), intmask(r_int32(-70000 * one) + r_int8(0)),
          intmask(r_uint16(299) + r_uint8(one)))
    return 0


def target(driver, args):
    return entry_point, None
