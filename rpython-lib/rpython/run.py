"""Run an RPython target untranslated, on CPython.

    python3 -m rpython.run path/to/targetfoo.py arg1 arg2 ...

imports the target (as a module named after the file, not as ``__main__``),
calls ``target(driver, [])`` to get the entry point, then calls
``entry_point([path, arg1, arg2, ...])`` and exits with its return value
(``None`` counts as 0).  An uncaught exception in the program prints its
traceback and exits with status 1, as a fatal error does in the translated
program.
"""

import sys

from rpython._targetload import TargetError, load_entry_point, print_target_exception

USAGE = "usage: python3 -m rpython.run path/to/targetfoo.py [args...]"


def main(argv):
    if len(argv) < 2 or argv[1] in ("-h", "--help"):
        sys.stderr.write(USAGE + "\n")
        return 2
    path = argv[1]
    prog_args = argv[2:]
    try:
        _, _, entry = load_entry_point(path, [])
    except TargetError as e:
        sys.stderr.write(e.message + "\n")
        return e.status
    except SystemExit:
        raise
    except BaseException as e:
        print_target_exception(e, [__file__])
        sys.stderr.write("loader: importing %s failed\n" % (path,))
        return 2
    sys.argv = [path] + prog_args
    rc = entry([path] + prog_args)
    if rc is None:
        rc = 0
    return rc


if __name__ == "__main__":
    sys.exit(main(sys.argv))
