# Command-line arguments are decoded from UTF-8: wide arguments have their length in code points
# and take part in comparisons, dict keys and case mappings like literals.
# args: naïve 東京 😀x ΣΑΣ plain
# expect: 6
# expect: naïve 5 NAÏVE True
# expect: 東京 2 東京 False
# expect: 😀x 2 😀X False
# expect: ΣΑΣ 3 ΣΑΣ False
# expect: plain 5 PLAIN True
# expect: True 2 5


def entry_point(argv):
    print(len(argv))
    for a in argv[1:]:
        print(a, len(a), a.upper(), a.isascii() or a[0] == "n")
    d = {}
    for a in argv[1:]:
        d[a] = len(a)
    print("東京" in d, d["東京"], d["plain"])
    return 0


def target(driver, args):
    return entry_point, None
