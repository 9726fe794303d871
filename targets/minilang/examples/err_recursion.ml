# A run-time error: unbounded recursion stops at the interpreter's depth limit (1000 calls).
fn down(n) {
    return down(n + 1);
}
print("start");
down(0);
