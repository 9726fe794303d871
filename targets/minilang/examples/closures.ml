# Closures: functions capture the scope they are defined in.
fn make_counter() {
    let count = 0;
    fn next() {
        count = count + 1;
        return count;
    }
    return next;
}

let c1 = make_counter();
let c2 = make_counter();
c1();
c1();
print("c1:", c1(), "c2:", c2());

fn make_adder(n) {
    return fn(x) { return x + n; };
}
let add5 = make_adder(5);
let add10 = make_adder(10);
print("add5(1) =", add5(1), "add10(1) =", add10(1));

# Each loop iteration has its own scope, so each closure sees its own i.
let fns = [];
for i in range(4) {
    push(fns, fn() { return i * i; });
}
let squares = [];
for f in fns {
    push(squares, f());
}
print("squares:", squares);

# Higher-order functions.
fn map(f, xs) {
    let out = [];
    for x in xs { push(out, f(x)); }
    return out;
}
fn filter(pred, xs) {
    let out = [];
    for x in xs {
        if pred(x) { push(out, x); }
    }
    return out;
}
fn reduce(f, acc, xs) {
    for x in xs { acc = f(acc, x); }
    return acc;
}
fn compose(f, g) {
    return fn(x) { return f(g(x)); };
}
let nums = range(1, 11);
print(map(fn(x) { return x * x; }, nums));
print(filter(fn(x) { return x % 3 == 0; }, nums));
print(reduce(fn(a, b) { return a + b; }, 0, nums));
let inc_then_double = compose(fn(x) { return x * 2; }, add5);
print("compose:", inc_then_double(1));

# A bank account: shared state between two closures.
fn account(balance) {
    let deposit = fn(n) { balance = balance + n; return balance; };
    let withdraw = fn(n) {
        if n > balance { return "insufficient funds"; }
        balance = balance - n;
        return balance;
    };
    return [deposit, withdraw];
}
let acct = account(100);
let deposit = acct[0];
let withdraw = acct[1];
print(deposit(50), withdraw(30), withdraw(500), type(deposit), deposit);
