# Operators, precedence, numbers, booleans and nil.
print(1 + 2 * 3, (1 + 2) * 3, 10 - 4 - 3, 2 * 3 % 4, -2 * -3, - (4 - 6));
print(7 / 2, -7 / 2, 7 % 3, -7 % 3, 7 % -3, 7.0 / 2, 1 / 4.0, 7.5 % 2);
print(0.1 + 0.2, 1.0 / 3, 2.5 * 4, 3 == 3.0, 1 < 1.5, 100000000000 * 1000000);
print(1 < 2 and 2 < 3, 1 < 2 and 3 < 2, not 1 == 2, not nil, not 0, not "");
print(nil or "default", 0 or 0.0 or "" or [] or "last", 1 and 2, nil and crash());
print(true == true, true == 1, nil == nil, nil == false, [1] == [1.0]);
let x = 5;
if x > 3 and x < 10 { print("x in (3, 10)"); }
if x == 1 { print("one"); } else if x == 5 { print("five"); } else { print("other"); }
{
    let x = 100;
    print("inner x", x);
}
print("outer x", x);
