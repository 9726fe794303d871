# A run-time error: adding a string and an int (use str() to convert).
let count = 3;
print("count: " + str(count));
let items = ["a", "b"];
push(items, "c");
print(items);
print("count: " + count);
print("not reached");
