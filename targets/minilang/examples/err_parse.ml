# A parse error: the missing ';' is reported with the line of the next token.
let x = 1;
fn f(a) {
    let y = a * 2
    return y;
}
print(f(x));
