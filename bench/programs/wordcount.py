# Word counting with a dict: lines of deterministic pseudo-random text (a linear congruential
# generator over a word list with numbered variants, skewed so that some words are frequent),
# joined, split again by scanning characters, and counted in a dict str -> int; then the most
# frequent words are found by scanning the dict. Argument: the number of lines (100 words each).
# bench-args: 6000
# bench-args-large: 30000

WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel",
         "india", "juliet", "kilo", "lima", "mike", "november", "oscar", "papa",
         "quebec", "romeo", "sierra", "tango", "uniform", "victor", "whiskey", "xray",
         "yankee", "zulu", "red", "green", "blue", "cyan", "magenta", "yellow"]

WORDS_PER_LINE = 100
TOP = 5


class Lcg(object):
    def __init__(self, seed):
        self.state = seed

    def next(self, bound):
        # 31-bit state; every intermediate value fits in 63 bits.
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return (self.state >> 8) % bound


def make_line(rng):
    parts = []
    for i in range(WORDS_PER_LINE):
        w = WORDS[rng.next(len(WORDS))]
        # Skewed variant number: mostly small, occasionally up to 63.
        variant = rng.next(64) * rng.next(64) // 64
        if variant == 0:
            parts.append(w)
        else:
            parts.append(w + str(variant))
    return " ".join(parts)


def count_words(line, counts):
    i = 0
    n = len(line)
    words = 0
    while i < n:
        if line[i] == " ":
            i += 1
            continue
        j = i
        while j < n and line[j] != " ":
            j += 1
        w = line[i:j]
        counts[w] = counts.get(w, 0) + 1
        words += 1
        i = j
    return words


def top_words(counts, k):
    chosen = {}
    result = []
    for t in range(k):
        best = ""
        best_count = -1
        for w in counts:
            if w in chosen:
                continue
            c = counts[w]
            if c > best_count or (c == best_count and w < best):
                best = w
                best_count = c
        if best_count < 0:
            break
        chosen[best] = True
        result.append(best)
    return result


# Top words and their counts for the bench sizes (computed on CPython with this program).
KNOWN_LINES = [6000, 30000]
KNOWN_TOP = [" golf=2045 charlie=1976 cyan=1945 juliet=1942 blue=1910",
             " golf=10255 charlie=9888 cyan=9704 juliet=9703 yellow=9522"]


def entry_point(argv):
    lines = 100
    if len(argv) > 1:
        lines = int(argv[1])
    rng = Lcg(20240601)
    counts = {}
    generated = 0
    letters = 0
    for i in range(lines):
        line = make_line(rng)
        generated += count_words(line, counts)
        letters += len(line) - (WORDS_PER_LINE - 1)
    total = 0
    total_letters = 0
    for w in counts:
        total += counts[w]
        total_letters += len(w) * counts[w]
    top = top_words(counts, TOP)
    summary = ""
    for w in top:
        summary = summary + " " + w + "=" + str(counts[w])
    print("wordcount words:", total, "distinct:", len(counts), "top:" + summary)
    ok = total == generated and total == lines * WORDS_PER_LINE and total_letters == letters
    for k in range(len(KNOWN_LINES)):
        if KNOWN_LINES[k] == lines and summary != KNOWN_TOP[k]:
            ok = False
    if not ok:
        print("wordcount: WRONG RESULT, expected", lines * WORDS_PER_LINE, "words and",
              letters, "letters, got", total, total_letters)
        return 1
    return 0


def target(driver, args):
    return entry_point, None
