# Fibonacci numbers, recursively and iteratively.
fn fib(n) {
    if n < 2 {
        return n;
    }
    return fib(n - 1) + fib(n - 2);
}

fn fib_iter(n) {
    let a = 0;
    let b = 1;
    let i = 0;
    while i < n {
        let t = a + b;
        a = b;
        b = t;
        i = i + 1;
    }
    return a;
}

let line = str(fib(0));
for i in range(1, 15) {
    line = line + " " + str(fib(i));
}
print(line);
print("fib(16) =", fib(16));
print("fib_iter(90) =", fib_iter(90));
