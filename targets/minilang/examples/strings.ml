# Strings: concatenation, indexing, slicing, comparison, building.
let s = "Hello, world";
print(s, len(s), s[0], s[-1], s[7:], s[:5]);
print("abc" + "def", "ab" * 3, "-" * 10, "x" * 0 == "");
print("apple" < "banana", "b" > "abc", "same" == "same", "a" != "b", "" == nil);

fn reverse(str) {
    let out = "";
    for c in str {
        out = c + out;
    }
    return out;
}
print(reverse("stressed"));

fn join(items, sep) {
    let out = "";
    let first = true;
    for item in items {
        if not first { out = out + sep; }
        out = out + str(item);
        first = false;
    }
    return out;
}
print(join([1, 2.5, "three", true, nil, [4]], " | "));

fn count_char(str, ch) {
    let n = 0;
    for c in str {
        if c == ch { n = n + 1; }
    }
    return n;
}
print("s in mississippi:", count_char("mississippi", "s"));

fn upper(str) {
    let out = "";
    for c in str {
        let o = ord(c);
        if o >= 97 and o <= 122 { out = out + chr(o - 32); } else { out = out + c; }
    }
    return out;
}
print(upper("Make me loud!"));

fn is_palindrome(str) {
    let i = 0;
    let j = len(str) - 1;
    while i < j {
        if str[i] != str[j] { return false; }
        i = i + 1;
        j = j - 1;
    }
    return true;
}
for w in ["racecar", "level", "minilang", ""] {
    print("palindrome", "\"" + w + "\"", is_palindrome(w));
}

# Numbers to strings and back.
print(str(12) + str(3.5) + str(-7), int("42") + 1, int(" -17 "), float("2.5") * 2, int(9.99));
print("tab:\tend", "escaped \\ backslash", type("x"), type(1), type(1.0), type([]), type(nil));

# A triangle of stars.
let i = 1;
while i <= 4 {
    print(" " * (4 - i) + "*" * (2 * i - 1));
    i = i + 1;
}
