# Lists: building, indexing, slicing, and sorting algorithms written in minilang.
let xs = [5, 3, 8, 1, 9, 2, 7];
print("xs =", xs, "len", len(xs));
print("first", xs[0], "last", xs[-1], "slice", xs[2:5], xs[:2], xs[5:]);
push(xs, 4);
append(xs, 6);
print("after push:", xs);
print("popped", pop(xs), "now", xs);
xs[0] = 50;
print("xs[0] = 50:", xs);

fn bubble_sort(list) {
    let a = list[:];
    let n = len(a);
    let swapped = true;
    while swapped {
        swapped = false;
        let i = 1;
        while i < n {
            if a[i - 1] > a[i] {
                let t = a[i];
                a[i] = a[i - 1];
                a[i - 1] = t;
                swapped = true;
            }
            i = i + 1;
        }
        n = n - 1;
    }
    return a;
}

fn quicksort(a) {
    if len(a) <= 1 { return a; }
    let pivot = a[0];
    let less = [];
    let more = [];
    for x in a[1:] {
        if x < pivot { push(less, x); } else { push(more, x); }
    }
    return quicksort(less) + [pivot] + quicksort(more);
}

print("bubble:", bubble_sort(xs));
print("quick: ", quicksort(xs));
print("unchanged:", xs);
print("strings:", quicksort(["pear", "apple", "fig", "banana"]));
print("floats:", bubble_sort([3.5, -1.25, 2, 0.5]));

# Nested lists and equality.
let grid = [];
for r in range(3) {
    let row = [];
    for c in range(3) { push(row, r * 3 + c); }
    push(grid, row);
}
print("grid:", grid, "center", grid[1][1]);
print([1, [2, "x"]] == [1, [2, "x"]], [1, 2] == [1, 3], [] == [], [nil, true, 1.5, "q\"uote"]);

fn reverse(a) {
    let out = [];
    let i = len(a) - 1;
    while i >= 0 {
        push(out, a[i]);
        i = i - 1;
    }
    return out;
}
print("reversed:", reverse(range(6)));

# A pseudo-random list sorted both ways, checked.
let seed = 42;
fn rand() {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % 1000;
}
let big = [];
for i in range(60) { push(big, rand()); }
let s1 = bubble_sort(big);
let s2 = quicksort(big);
let ok = s1 == s2;
let k = 1;
while k < len(s1) {
    if s1[k - 1] > s1[k] { ok = false; }
    k = k + 1;
}
print("sorted 60:", ok, s1[0], s1[59], s1[:5]);
