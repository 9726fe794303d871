# The sieve of Eratosthenes.
fn sieve(n) {
    let is_prime = [];
    for i in range(n + 1) { push(is_prime, true); }
    is_prime[0] = false;
    is_prime[1] = false;
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
    let primes = [];
    for i in range(n + 1) {
        if is_prime[i] { push(primes, i); }
    }
    return primes;
}

print(sieve(100));
let big = sieve(1000);
print("primes below 1000:", len(big), "largest:", big[-1]);

# Twin primes below 200, with break and continue.
let twins = [];
let ps = sieve(200);
let i = 1;
while true {
    if i >= len(ps) { break; }
    i = i + 1;
    if ps[i - 1] - ps[i - 2] != 2 { continue; }
    push(twins, [ps[i - 2], ps[i - 1]]);
}
print("twin primes:", twins);
