# A loop-heavy benchmark: sieve, list sorting and string building with while/for loops.
fn sieve(n) {
    let is_prime = [];
    for i in range(n + 1) { push(is_prime, true); }
    let p = 2;
    while p * p <= n {
        if is_prime[p] {
            let m = p * p;
            while m <= n {
                is_prime[m] = false;
                m = m + p;
            }
        }
        p = p + 1;
    }
    let count = 0;
    let i = 2;
    while i <= n {
        if is_prime[i] { count = count + 1; }
        i = i + 1;
    }
    return count;
}

fn insertion_sort(a) {
    let i = 1;
    while i < len(a) {
        let x = a[i];
        let j = i - 1;
        while j >= 0 and a[j] > x {
            a[j + 1] = a[j];
            j = j - 1;
        }
        a[j + 1] = x;
        i = i + 1;
    }
    return a;
}

let seed = 7;
let xs = [];
for i in range(1500) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    push(xs, seed % 100000);
}
let sorted = insertion_sort(xs);
print("primes:", sieve(300000), "min:", sorted[0], "max:", sorted[-1]);
let s = "";
for i in range(20000) { s = s + chr(97 + i % 26); }
print(len(s), s[:26]);
