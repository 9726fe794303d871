# A run-time error: ints are 64-bit and overflow is an error (floats don't overflow).
fn fact(n) {
    if n <= 1 { return 1; }
    return n * fact(n - 1);
}
print(fact(20));
print(fact(21.0));
print(fact(21));
