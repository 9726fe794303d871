# A lone surrogate cannot be a string constant: the parser would silently turn the escape into
# U+FFFD, so the literal is refused (chr(0xD800) at run time is fine).


def entry_point(argv):
    s = "a\ud800b"
    print(len(s), "\\ud800 is text")
    return 0


def target(driver, args):
    return entry_point, None

# ---- expected
# error[E0100]: not RPython (yet): lone surrogates (`\ud800` to `\udfff`) in string literals
#  --> tests/errors/string_lone_surrogate.py:6:9
#   |
# 6 |     s = "a\ud800b"
#   |         ^^^^^^^^^^ not supported by the translator
#
# error: translation failed with 1 error
