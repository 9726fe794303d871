# A run-time error: reading a variable that was never defined.
fn greet(name) {
    print("hello, " + name);
    print("goodbye, " + nme);
}
greet("world");
print("not reached");
