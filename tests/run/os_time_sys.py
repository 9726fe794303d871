# os, time and sys functions: environment, files (lseek, ftruncate, unlink), clocks, sys.stdout.
# expect: True None dflt
# expect: True False True
# expect: size 11 at 6 world
# expect: truncated 5
# expect: exists True False
# expect: clock ok
# expect: partial line, then the rest
import os
import sys
import time


def entry_point(argv):
    print(os.getenv("PATH") is not None, os.getenv("RPY_NOT_SET_ANYWHERE"),
          os.environ.get("RPY_NOT_SET_ANYWHERE", "dflt"))
    print(os.getpid() > 0, os.isatty(99), len(os.environ.get("PATH", "")) > 0)
    path = "/tmp/rpy_os_time_sys_%d.txt" % os.getpid()
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o644)
    os.write(fd, b"hello world")
    size = os.lseek(fd, 0, os.SEEK_END)
    pos = os.lseek(fd, 6, os.SEEK_SET)
    print("size", size, "at", pos, os.read(fd, 5).decode("latin-1"))
    os.ftruncate(fd, 5)
    print("truncated", os.lseek(fd, 0, os.SEEK_END))
    os.close(fd)
    existed = os.path.exists(path)
    os.unlink(path)
    print("exists", existed, os.path.exists(path))
    t0 = time.time()
    c0 = time.perf_counter()
    time.sleep(0.001)
    c1 = time.perf_counter()
    if t0 > 1e9 and c1 > c0:
        print("clock ok")
    sys.stdout.write("partial line")
    sys.stdout.write(", then the rest\n")
    sys.stdout.flush()
    return 0


def target(driver, args):
    return entry_point, None
