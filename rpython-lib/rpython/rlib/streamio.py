"""Buffered file streams over file descriptors, as RPython's ``streamio``.

Provides ``open_file_as_stream(path, mode="r", buffering=-1)``,
``fdopen_as_stream(fd, mode="r", buffering=-1)``, ``decode_mode(mode)``,
the ``Stream`` class they return and the ``StreamError`` exception (with a
``message`` attribute).

A ``Stream`` has ``read(n=-1)``, ``readall()``, ``readline()``, ``peek()``,
``write(data)``, ``flush()``, ``tell()``, ``seek(pos, whence=0)``,
``truncate(size)``, ``try_to_find_file_descriptor()`` and ``close()``.  It is
plain RPython code over ``os.open``, ``os.read``, ``os.write``,
``os.lseek``, ``os.ftruncate`` and ``os.close`` with its own buffers.

Text model of this Python 3 port: RPython streams carry byte strings; here
the data read and written is ``str`` holding one character per byte, i.e.
bytes decoded as Latin-1 (``b'\\xe9'`` reads as ``'\\xe9'``).  An interpreter
written with ``str`` thus reads any file, and writing a ``str`` back writes
the same bytes; characters above ``'\\xff'`` cannot be written (the Latin-1
encoding fails).  No newline translation is done (mode ``'U'`` and ``'t'``
are accepted and ignored), and ``'b'`` changes nothing.

Buffering: ``buffering=0`` writes through at once, ``1`` flushes the write
buffer at every newline, any other value (``-1``: the default size) buffers
that many bytes.  Reads are always buffered in chunks.
"""

import os

from rpython.rlib.objectmodel import not_rpython, we_are_translated

DEFAULT_BUFFER_SIZE = 8192


@not_rpython
def _flush_cpython_stdio():
    """Untranslated only: flush sys.stdout/sys.stderr before writing to a
    file descriptor directly, so that output keeps its order with print()
    (the translated os.write flushes print()'s buffer itself)."""
    import sys
    sys.stdout.flush()
    sys.stderr.flush()


class StreamError(Exception):
    """A misuse of a stream (bad mode, closed stream, ...)."""

    def __init__(self, message):
        self.message = message

    def __str__(self):
        return self.message


def decode_mode(mode):
    """(os_flags, universal, reading, writing, basemode, binary) for a
    mode string such as "r", "wb", "a+", "rU"."""
    if len(mode) == 0:
        raise StreamError("empty mode string")
    basemode = mode[0]
    if not (basemode == 'r' or basemode == 'w' or basemode == 'a'):
        if basemode == 'U':
            basemode = 'r'
        else:
            raise StreamError("invalid mode: " + mode)
    plus = False
    binary = False
    universal = False
    i = 1
    while i < len(mode):
        c = mode[i]
        if c == '+':
            plus = True
        elif c == 'b':
            binary = True
        elif c == 'U':
            universal = True
        elif c == 't':
            pass
        else:
            raise StreamError("invalid mode: " + mode)
        i += 1
    reading = basemode == 'r' or plus
    writing = basemode != 'r' or plus
    if plus:
        flags = os.O_RDWR
    elif basemode == 'r':
        flags = os.O_RDONLY
    else:
        flags = os.O_WRONLY
    if basemode == 'w':
        flags = flags | os.O_CREAT | os.O_TRUNC
    elif basemode == 'a':
        flags = flags | os.O_CREAT | os.O_APPEND
    return flags, universal, reading, writing, basemode, binary


def open_file_as_stream(path, mode="r", buffering=-1):
    """Open the file at path; raises OSError if the system refuses."""
    flags, universal, reading, writing, basemode, binary = decode_mode(mode)
    fd = os.open(path, flags, 0o666)
    return Stream(fd, reading, writing, buffering)


def fdopen_as_stream(fd, mode="r", buffering=-1):
    """A stream over the already open file descriptor fd."""
    flags, universal, reading, writing, basemode, binary = decode_mode(mode)
    if basemode == 'a':
        try:
            os.lseek(fd, 0, os.SEEK_END)
        except OSError:
            pass
    return Stream(fd, reading, writing, buffering)


class Stream(object):
    """A buffered stream over a file descriptor (see the module doc)."""

    def __init__(self, fd, reading, writing, buffering=-1):
        self.fd = fd
        self.reading = reading
        self.writing = writing
        if buffering < 0:
            bufsize = DEFAULT_BUFFER_SIZE
            line_buffering = False
        elif buffering == 1:
            bufsize = DEFAULT_BUFFER_SIZE
            line_buffering = True
        else:
            bufsize = buffering
            line_buffering = False
        self.bufsize = bufsize
        self.line_buffering = line_buffering
        self.rbuf = ""          # data read ahead, from rpos on
        self.rpos = 0
        self.wbuf = []          # pending writes
        self.wlen = 0
        self.closed = False

    # -- helpers -----------------------------------------------------------

    def _check_open(self):
        if self.closed:
            raise StreamError("I/O operation on closed file")

    def _check_reading(self):
        self._check_open()
        if not self.reading:
            raise StreamError("file not open for reading")

    def _check_writing(self):
        self._check_open()
        if not self.writing:
            raise StreamError("file not open for writing")

    def _fill(self):
        """Read one more chunk into the read buffer; False at end of file."""
        data = os.read(self.fd, self.bufsize)
        if len(data) == 0:
            return False
        chunk = data.decode("latin-1")
        if self.rpos >= len(self.rbuf):
            self.rbuf = chunk
        else:
            self.rbuf = self.rbuf[self.rpos:len(self.rbuf)] + chunk
        self.rpos = 0
        return True

    def _buffered(self):
        return len(self.rbuf) - self.rpos

    def _take(self, n):
        """The next n buffered characters (n <= buffered)."""
        start = self.rpos
        self.rpos = start + n
        result = self.rbuf[start:start + n]
        if self.rpos >= len(self.rbuf):
            self.rbuf = ""
            self.rpos = 0
        return result

    def _drop_read_buffer(self):
        """Forget the read-ahead data, moving the file position back to
        where the reader is."""
        ahead = len(self.rbuf) - self.rpos
        self.rbuf = ""
        self.rpos = 0
        if ahead > 0:
            os.lseek(self.fd, -ahead, os.SEEK_CUR)

    def _write_all(self, data):
        if not we_are_translated():
            _flush_cpython_stdio()
        b = data.encode("latin-1")
        total = len(b)
        done = 0
        while done < total:
            if done == 0:
                n = os.write(self.fd, b)
            else:
                n = os.write(self.fd, b[done:total])
            if n <= 0:
                raise StreamError("write failed")
            done += n

    # -- reading -------------------------------------------------------------

    def read(self, n=-1):
        """Up to n characters (all the rest if n < 0); fewer only at the end
        of the file."""
        self._check_reading()
        if n < 0:
            return self.readall()
        self.flush()
        avail = self._buffered()
        if n <= avail:
            return self._take(n)
        pieces = []
        if avail > 0:
            pieces.append(self._take(avail))
        need = n - avail
        while need > 0:
            size = self.bufsize
            if size < need:
                size = need
            data = os.read(self.fd, size)
            if len(data) == 0:
                break
            chunk = data.decode("latin-1")
            if len(chunk) > need:
                pieces.append(chunk[0:need])
                self.rbuf = chunk
                self.rpos = need
                need = 0
            else:
                pieces.append(chunk)
                need -= len(chunk)
        return "".join(pieces)

    def readall(self):
        """Everything up to the end of the file."""
        self._check_reading()
        self.flush()
        pieces = []
        if self._buffered() > 0:
            pieces.append(self._take(self._buffered()))
        while True:
            data = os.read(self.fd, self.bufsize)
            if len(data) == 0:
                break
            pieces.append(data.decode("latin-1"))
        return "".join(pieces)

    def readline(self):
        """The next line with its '\\n', or the rest of the file (possibly
        "") if no newline follows."""
        return self.readline_limited(-1)

    def readline_limited(self, limit):
        """Like readline(), but at most limit characters if limit >= 0."""
        self._check_reading()
        self.flush()
        i = self.rpos
        while True:
            buf = self.rbuf
            end = len(buf)
            if limit >= 0 and end > self.rpos + limit:
                end = self.rpos + limit
            while i < end:
                if buf[i] == '\n':
                    return self._take(i + 1 - self.rpos)
                i += 1
            offset = i - self.rpos
            if limit >= 0 and offset >= limit:
                return self._take(limit)
            if not self._fill():
                return self._take(self._buffered())
            i = self.rpos + offset

    def peek(self):
        """The data already buffered for reading (possibly ""), without
        consuming it."""
        self._check_reading()
        return self.rbuf[self.rpos:len(self.rbuf)]

    # -- writing -------------------------------------------------------------

    def write(self, data):
        """Write the str data (characters below 256)."""
        self._check_writing()
        if self._buffered() > 0:
            self._drop_read_buffer()
        if self.bufsize == 0:
            self._write_all(data)
            return
        self.wbuf.append(data)
        self.wlen += len(data)
        if self.wlen >= self.bufsize:
            self.flush()
        elif self.line_buffering:
            i = 0
            n = len(data)
            while i < n:
                if data[i] == '\n':
                    self.flush()
                    break
                i += 1

    def flush(self):
        """Write out the pending data."""
        self._check_open()
        if self.wlen > 0 or len(self.wbuf) > 0:
            data = "".join(self.wbuf)
            self.wbuf = []
            self.wlen = 0
            self._write_all(data)

    def flush_buffers(self):
        self.flush()

    # -- positioning ---------------------------------------------------------

    def tell(self):
        """The current position (OSError on a pipe or terminal)."""
        self._check_open()
        pos = os.lseek(self.fd, 0, os.SEEK_CUR)
        return pos - self._buffered() + self.wlen

    def seek(self, offset, whence=0):
        """Move to offset, relative to the start (whence 0), the current
        position (1) or the end (2)."""
        self._check_open()
        self.flush()
        if whence == 1:
            offset -= self._buffered()
        self.rbuf = ""
        self.rpos = 0
        os.lseek(self.fd, offset, whence)

    def truncate(self, size):
        """Cut the file to size bytes."""
        self._check_writing()
        self.flush()
        self._drop_read_buffer()
        os.ftruncate(self.fd, size)

    def try_to_find_file_descriptor(self):
        return self.fd

    def fileno(self):
        return self.fd

    def close(self):
        """Flush and close the file descriptor (again: nothing)."""
        if self.closed:
            return
        try:
            self.flush()
        finally:
            self.closed = True
            os.close(self.fd)
