# expect: [desserts]
# expect: [a]
# expect: []
# expect: [nohtyPR]
# expect: True Racecar
# expect: True A man, a plan, a canal: Panama
# expect: False hello
# expect: False !!
# expect: 0
# expect: 7
# expect: 1,234
# expect: 1,000,000
# expect: -9,876,543
# expect: 9,223,372,036,854,775,807
# expect: 000042 abcdefg **x
# expect: ff 1000 deadbeef 000a
# expect: 3.14 2.00 0.01 20.00
def reverse(s):
    r = ""
    i = len(s) - 1
    while i >= 0:
        r += s[i]
        i -= 1
    return r


def is_letter(c):
    return "a" <= c <= "z" or "A" <= c <= "Z"


def lower_char(c):
    if "A" <= c <= "Z":
        return chr(ord(c) + 32)
    return c


def is_palindrome(s):
    letters = ""
    for c in s:
        if is_letter(c):
            letters += lower_char(c)
    return len(letters) > 0 and letters == reverse(letters)


def group_thousands(n):
    if n < 0:
        return "-" + group_thousands(-n)
    digits = str(n)
    out = ""
    count = 0
    for i in range(len(digits) - 1, -1, -1):
        if count > 0 and count % 3 == 0:
            out = "," + out
        out = digits[i] + out
        count += 1
    return out


def pad_left(s, width, fill):
    while len(s) < width:
        s = fill + s
    return s


def to_hex(n):
    if n == 0:
        return "0"
    hexdigits = "0123456789abcdef"
    out = ""
    while n > 0:
        out = hexdigits[n % 16] + out
        n = n // 16
    return out


def fixed2(x):
    cents = int(x * 100 + 0.5)
    return str(cents // 100) + "." + pad_left(str(cents % 100), 2, "0")


def entry_point(argv):
    for s in ["stressed", "a", "", "RPython"]:
        print("[" + reverse(s) + "]")
    for s in ["Racecar", "A man, a plan, a canal: Panama", "hello", "!!"]:
        print(is_palindrome(s), s)
    for n in [0, 7, 1234, 1000000, -9876543, 9223372036854775807]:
        print(group_thousands(n))
    print(pad_left("42", 6, "0"), pad_left("abcdefg", 3, " "), pad_left("x", 3, "*"))
    print(to_hex(255), to_hex(4096), to_hex(3735928559), pad_left(to_hex(10), 4, "0"))
    print(fixed2(3.14159), fixed2(2.0), fixed2(0.005), fixed2(19.999))
    return 0


def target(driver, args):
    return entry_point, None
