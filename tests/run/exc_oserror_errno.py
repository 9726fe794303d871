# OSError with errno and strerror: raised by os functions from the C errno, and by the program.
# expect: open failed 2 No such file or directory
# expect: close failed 9
# expect: raised 13 denied
import os


def entry_point(argv):
    try:
        fd = os.open("/nonexistent/dir/file", os.O_RDONLY, 0)
        os.close(fd)
    except OSError as e:
        print("open failed", e.errno, e.strerror)
    try:
        os.close(9999)
    except OSError as e:
        print("close failed", e.errno)
    try:
        raise OSError(13, "denied")
    except OSError as e:
        print("raised", e.errno, e.strerror)
    return 0


def target(driver, args):
    return entry_point, None
