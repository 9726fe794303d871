# Narrow (Latin-1) and wide strings mixed: concatenation, join, replace, split, find, count,
# startswith, in, comparisons and sorting by code point, dict and set keys where a string built
# from wide pieces became narrow again, hashes of equal strings.
# expect: café au lait / café — 東京 24
# expect: a|é|€|😀| x€y€z ü-ß
# expect: café — Tokyo caf€ au lait café - 
# expect: café — 東京 a|b||c α|β|γ|δ
# expect: 7 3 -1 3 2 1
# expect: True True False True
# expect: True True True False True
# expect: café — wide space| €€
# expect: CAFÉ — 東京  東京 café —| |東京
# expect: line1|line2|line3|line4
# expect: alpha apple zebra zz ß éclair été Ωmega 東京 😀
# expect: True True True True True True True
# expect: 😀 alpha
# expect: True True True True True
# expect: 3 11 6 7 True False
# expect: aé € b
# expect: 2 True True
# expect: €€€éé 5 éé True ababé
# expect: café|東京 東京café


def entry_point(argv):
    narrow = "café au lait"
    wide = "café — 東京"
    both = narrow + " / " + wide
    print(both, len(both))
    print("|".join(["a", "é", "€", "😀", ""]), "€".join(["x", "y", "z"]), "-".join(["ü", "ß"]))
    print(wide.replace("東京", "Tokyo"), narrow.replace("é", "€"), wide.replace("—", "-").replace("東京", ""))
    print(" ".join(wide.split(" ")), "|".join("a€b€€c".split("€")), "|".join("α β\u3000γ\u2003δ".split()))
    print(wide.find("東"), wide.find("é"), narrow.find("€"), wide.rfind("é"), both.count("é"), both.count("東京"))
    print(wide.startswith("café"), wide.endswith("東京"), narrow.startswith("€"), "€uro".startswith("€"))
    print("東" in wide, "東京" in both, "café" in wide, "€" in narrow, wide[5] in both)
    print(wide.strip("東京 "), "\u3000 wide space \u2003".strip() + "|", "xx€€xx".strip("x"))
    r = wide.rpartition(" ")
    print(wide.upper(), wide.partition("—")[2], r[0] + "|" + r[1] + "|" + r[2])
    print("|".join("line1\u2028line2\u2029line3\nline4".splitlines()))
    words = ["zebra", "été", "apple", "Ωmega", "東京", "éclair", "alpha", "ß", "😀", "zz"]
    print(" ".join(sorted(words)))
    print("é" < "€", "€" < "😀", "z" < "é", "aé" < "a€", "a€" > "aé", "東" > "z", "" < "€")
    print(max(words), min(words))
    s = ("aé" + "€")[:2]
    t = "a" + "é"
    print(s == "aé", s == t, s is not None, hash(s) == hash("aé"), hash(t) == hash(s))
    d = {}
    d["aé"] = 1
    d[s] = d.get(s, 0) + 10
    d["€"] = 5
    d[("x€")[1:]] = d["€"] + 1
    d[("€" + "b")[1:]] = 7
    print(len(d), d["aé"], d["€"], d["b"], "aé" in d, ("a" + "€€")[:1] in d)
    keys = []
    for k in d:
        keys.append(k)
    print(" ".join(keys))
    seen = {"東京", "café"}
    seen.add(("東京x")[:2])
    seen.add("caf" + "é")
    seen.add(wide[0:4])
    print(len(seen), "東京" in seen, ("東京" + "!")[:2] in seen)
    e = "€" * 3 + "é" * 2
    print(e, len(e), e[3:], e[3:] == "éé", ("ab" * 2) + e[4])
    print("%s|%s" % (wide[:4], wide[7:]), wide[7:] + narrow[:4])
    return 0


def target(driver, args):
    return entry_point, None
