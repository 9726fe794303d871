# raise of classes and instances; several except clauses, tuples of classes, base-class handlers.
# expect: 0 ok fine
# expect: 1 value error
# expect: 2 value error
# expect: 3 parse error
# expect: 4 eval or index
# expect: 5 eval or index
# expect: 6 some exception
# expect: 7 some exception
# expect: 8 app error
# expect: 9 ok other
# expect: same instance True True False
# expect: errors 7 ok 3
# expect: first matching handler wins: parse


class AppError(Exception):
    pass


class ParseError(AppError):
    pass


class EvalError(AppError):
    pass


class Fatal(Exception):
    pass


def risky(n):
    if n == 0:
        return "fine"
    if n == 1:
        raise ValueError
    if n == 2:
        raise ValueError("bad value")
    if n == 3:
        raise ParseError()
    if n == 4:
        raise EvalError
    if n == 5:
        raise IndexError("idx")
    if n == 6:
        raise Fatal()
    if n == 7:
        raise KeyError("key")
    if n == 8:
        raise AppError()
    return "other"


def handle(n):
    try:
        r = risky(n)
    except ValueError:
        return "value error"
    except ParseError:
        return "parse error"
    except (EvalError, IndexError):
        return "eval or index"
    except AppError:
        return "app error"
    except Exception:
        return "some exception"
    return "ok " + r


def order():
    try:
        raise ParseError()
    except ParseError:
        return "parse"
    except AppError:
        return "app"


def entry_point(argv):
    errors = 0
    oks = 0
    for n in range(10):
        r = handle(n)
        print(n, r)
        if r == "ok fine" or r == "ok other":
            oks += 1
        else:
            errors += 1
    e = ParseError()
    try:
        raise e
    except AppError as caught:
        print("same instance", caught is e, isinstance(caught, ParseError),
              isinstance(caught, EvalError))
    try:
        risky(len(argv) - 1)
        oks += 1
    except Exception:
        errors -= 1
    print("errors", errors - 1, "ok", oks)
    print("first matching handler wins:", order())
    return 0


def target(driver, args):
    return entry_point, None
