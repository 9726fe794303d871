# Strings are Latin-1 so far: a string with other characters is not supported yet.

GREETING = "こんにちは"


def entry_point(argv):
    print("naïve")
    print(GREETING)
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0300]: not RPython (yet): the string "こんにちは" has characters outside Latin-1, which `str` supports so far
#  --> tests/errors/string_not_latin1.py:8:5
#   |
# 8 |     print(GREETING)
#   |     ^^^^^^^^^^^^^^^ a string constant used here
#
# error: translation failed with 1 error
