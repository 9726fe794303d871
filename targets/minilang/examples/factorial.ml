# Factorial, recursively, with ints and floats; floats for the big ones.
fn fact(n) {
    if n <= 1 {
        return 1;
    }
    return n * fact(n - 1);
}

for n in [0, 1, 5, 10, 20] {
    print(str(n) + "! =", fact(n));
}
print("20.0! =", fact(20.0));
print("25.0! =", fact(25.0));

# The sum 1 + ... + n, recursively (deep recursion: 300 calls).
fn sum_to(n) {
    if n == 0 { return 0; }
    return n + sum_to(n - 1);
}
print("sum_to(300) =", sum_to(300));
