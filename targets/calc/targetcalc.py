"""A command-line calculator for integer expressions.

    targetcalc-c "2 * (3 + 4) - 10 // 3"

prints 11.  All command-line arguments are joined with spaces, so the
expression may be given in one or several arguments.
"""

import calcparser


def join_args(argv):
    text = ""
    i = 1
    while i < len(argv):
        if i > 1:
            text += " "
        text += argv[i]
        i += 1
    return text


def entry_point(argv):
    if len(argv) < 2:
        print("usage: targetcalc EXPRESSION")
        return 2
    value, err = calcparser.evaluate(join_args(argv))
    if err:
        print("error: " + err)
        return 1
    print(value)
    return 0


def target(driver, args):
    driver.exe_name = "targetcalc-c"
    return entry_point, None
