"""File objects for RPython programs, as RPython's ``rfile``.

Provides ``create_file(filename, mode="r", buffering=-1)``,
``create_fdopen_rfile(fd, mode="r", buffering=-1)`` and ``create_stdio()``
returning ``(stdin, stdout, stderr)``, all ``RFile`` objects with
``read(size=-1)``, ``readline(size=-1)``, ``write(value)``, ``flush()``,
``close()``, ``seek(pos, whence=0)``, ``tell()``, ``truncate(size=-1)``,
``fileno()`` and the attribute ``closed``.  Operations on a closed file raise
``ValueError``; system errors raise ``OSError``.

They are plain RPython code over ``rpython.rlib.streamio`` and carry ``str``
data with one character per byte (Latin-1), as documented there.  The
standard output and error files of ``create_stdio()`` write through at once
(no buffering), so that their output stays in order with ``print()``.
Other files buffer their writes: ``flush()`` or ``close()`` them before the
program exits.
"""

from rpython.rlib.streamio import (Stream, decode_mode, fdopen_as_stream,
                                   open_file_as_stream)


class RFile(object):
    """An open file (see the module doc)."""

    def __init__(self, stream):
        self._stream = stream
        self.closed = False

    def _check_closed(self):
        if self.closed:
            raise ValueError("I/O operation on closed file")

    def read(self, size=-1):
        """Up to size characters; everything up to the end if size < 0."""
        self._check_closed()
        if size < 0:
            return self._stream.readall()
        return self._stream.read(size)

    def readline(self, size=-1):
        """The next line, with its newline; at most size characters if
        size >= 0; "" at the end of the file."""
        self._check_closed()
        return self._stream.readline_limited(size)

    def write(self, value):
        """Write the str value."""
        self._check_closed()
        self._stream.write(value)

    def flush(self):
        self._check_closed()
        self._stream.flush()

    def close(self):
        """Flush and close; closing again does nothing."""
        if not self.closed:
            self.closed = True
            self._stream.close()

    def seek(self, pos, whence=0):
        self._check_closed()
        self._stream.seek(pos, whence)

    def tell(self):
        self._check_closed()
        return self._stream.tell()

    def truncate(self, size=-1):
        """Cut the file at size bytes (at the current position if size < 0)."""
        self._check_closed()
        if size < 0:
            size = self._stream.tell()
        self._stream.truncate(size)

    def fileno(self):
        self._check_closed()
        return self._stream.fd

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


def create_file(filename, mode="r", buffering=-1):
    """Open the file filename (OSError if the system refuses)."""
    return RFile(open_file_as_stream(filename, mode, buffering))


def create_fdopen_rfile(fd, mode="r", buffering=-1):
    """A file over the open file descriptor fd."""
    return RFile(fdopen_as_stream(fd, mode, buffering))


def create_stdio():
    """(stdin, stdout, stderr) as RFile objects over descriptors 0, 1, 2."""
    stdin = RFile(Stream(0, True, False, -1))
    stdout = RFile(Stream(1, False, True, 0))
    stderr = RFile(Stream(2, False, True, 0))
    return stdin, stdout, stderr
