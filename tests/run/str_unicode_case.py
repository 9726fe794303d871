# Case mappings and character classes over Unicode as CPython's: special cases (ß, ŉ, ǅ, final
# sigma, İ), title/swapcase/capitalize/casefold, and classes over samples of several scripts.
# expect: SS STRASSE ʼN Ǆ ǆ ǅ FIX
# expect: ας οδυσσευς σ ας α ασ'ς ας.
# expect: i̇stanbul 2 ǈubljana Sstraße ǲ
# expect: Hello Wörld ǅungla Ssa Σας Σας O'Neil 3Rd
# expect: sTRASSE σας ǆ SS ǅ àéî ÀÉÎ
# expect: strasse σασ ffi True
# expect: àéîõü ÀÉÎÕÜŸ Ÿ Μ True True
# expect: ΩΜΈΓΑ москва ֆ ＡＢＣ
# expect: amlp,amutp,dgnmp,sp,gnmp,nmp,dgnmp,nmutp,amutp,amlp,amp,amtp,s,s,p,,p
# expect: True True True True True False
# expect: True True True False False True
# expect: True False False False True
# expect: True False False True False True
# expect: False True True False True
# expect: grüße, 世界! ça va? ωραία. GRÜSSE, 世界! ÇA VA? ΩΡΑΊΑ. gRÜSSE, 世界! çA VA? ωΡΑΊΑ. Grüße, 世界! Ça Va? Ωραία. Grüße, 世界! ça va? ωραία.
# expect: 934


def classes(s):
    out = []
    for c in s:
        flags = ""
        if c.isalpha():
            flags += "a"
        if c.isdecimal():
            flags += "d"
        if c.isdigit():
            flags += "g"
        if c.isnumeric():
            flags += "n"
        if c.isalnum():
            flags += "m"
        if c.isspace():
            flags += "s"
        if c.islower():
            flags += "l"
        if c.isupper():
            flags += "u"
        if c.istitle():
            flags += "t"
        if c.isprintable():
            flags += "p"
        out.append(flags)
    return ",".join(out)


def entry_point(argv):
    print("ß".upper(), "straße".upper(), "ŉ".upper(), "ǅ".upper(), "ǅ".lower(), "ǆ".title(), "ﬁx".upper())
    print("ΑΣ".lower(), "ΟΔΥΣΣΕΥΣ".lower(), "Σ".lower(), "ΑΣ Α".lower(), "ΑΣ'Σ".lower(), "ΑΣ.".lower())
    print("İstanbul".lower(), len("İ".lower()), "ǉubljana".capitalize(), "ßtraße".capitalize(), "ǳ".capitalize())
    print("hello wörld ǆungla ßa".title(), "ΣΑΣ σας".title(), "o'neil 3rd".title())
    print("Straße ΣΑΣ Ǆ".swapcase(), "ß".swapcase(), "ǅ".swapcase(), "ÀÉÎ àéî".swapcase())
    print("Straße".casefold(), "ΣΑΣ".casefold(), "ﬃ".casefold(), "MASSE".casefold() == "Maße".casefold())
    print("ÀÉÎÕÜ".lower(), "àéîõüÿ".upper(), "ÿ".upper(), "µ".upper(), "µ".isalpha(), "ª".islower())
    print("Ωμέγα".upper(), "МОСКВА".lower(), "Ֆ".lower(), "ａｂｃ".upper())
    print(classes("aZ9 ²½٣ⅧÀß漢ǅ\u3000\u2028\u0301\u00ad😀"))
    print("東京".isalpha(), "東京1".isalnum(), "١٢٣".isdigit(), "١٢٣".isdecimal(), "½".isnumeric(), "½".isdigit())
    print("ΑΒΓ".isupper(), "αβγ".islower(), "Ǆ".isupper(), "ǅ".isupper(), "ǅ".islower(), "ǅemal Title".istitle())
    print("Hello Wörld".istitle(), "Hello wörld".istitle(), "ΣΑΣ Σας".istitle(), "".istitle(), "東京 Abc".istitle())
    print("\u3000\u2003\t".isspace(), "\u200b".isspace(), "".isspace(), "abc".isprintable(), "a\u00ad".isprintable(), "".isprintable())
    print("é".isascii(), "abc".isascii(), "".isascii(), "\u0378".isprintable(), "\U0001F600".isprintable())
    w = "Grüße, 世界! Ça va? Ωραία."
    print(w.lower(), w.upper(), w.swapcase(), w.title(), w.capitalize())
    n = 0
    for cp in range(0x100, 0x3000):
        c = chr(cp)
        if c.isalpha() and c.upper() != c:
            n += 1
    print(n)
    return 0


def target(driver, args):
    return entry_point, None
