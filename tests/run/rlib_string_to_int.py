# rarithmetic.string_to_int: bases, prefixes, signs, spaces, underscores, errors and overflow.
# args: 10 0x10 -0b11 0o7
# expect: 123 -42 7 255 -31
# expect: 31 15 15 5 0
# expect: 1295 511 10 3
# expect: 9223372036854775807 -9223372036854775808
# expect: overflow(sign 1) overflow(sign -1)
# expect: error(invalid literal for int() with base 10)
# expect: error(invalid literal for int() with base 10)
# expect: error(invalid literal for int() with base 16)
# expect: error(invalid literal for int() with base 10) 1000 255
# expect: error(int() base must be >= 2 and <= 36)
# expect: sum of args 30
from rpython.rlib.rarithmetic import string_to_int
from rpython.rlib.rstring import ParseStringError, ParseStringOverflowError


def parse(s, base):
    try:
        return str(string_to_int(s, base))
    except ParseStringOverflowError as e:
        return "overflow(sign " + str(e.parser.sign) + ")"
    except ParseStringError as e:
        return "error(" + e.msg + ")"


def entry_point(argv):
    print(parse("123", 10), parse("  -42 ", 10), parse("+7", 10), parse("ff", 16), parse("-0x1F", 16))
    print(parse("0x1f", 0), parse("0o17", 0), parse("017", 0), parse("0b101", 0), parse("0", 0))
    print(parse("zz", 36), parse("777", 8), parse("1010", 2), parse("0B11", 2))
    print(parse("9223372036854775807", 10), parse("-9223372036854775808", 10))
    print(parse("9223372036854775808", 10), parse("-9223372036854775809", 10))
    print(parse("", 10))
    print(parse("12a", 10))
    print(parse("0x", 16))
    print(parse("1_000", 10), string_to_int("1_000", 10, True), string_to_int("0x_ff", 0, True))
    print(parse("1", 1))
    total = 0
    for i in range(1, len(argv)):
        total += string_to_int(argv[i], 0)
    print("sum of args", total)
    return 0


def target(driver, args):
    return entry_point, None
