# A run-time error: integer division by zero, deep inside calls.
fn average(xs) {
    let total = 0;
    for x in xs {
        total = total + x;
    }
    return total / len(xs);
}
print(average([1, 2, 3, 4]));
print(average([]));
print("not reached");
