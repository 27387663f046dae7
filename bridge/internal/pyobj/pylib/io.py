"""io for pypool: StringIO and BytesIO here, open() and the file types from Go (_io)."""

from _io import (open, UnsupportedOperation, TextIOWrapper, BufferedReader,
                 BufferedWriter, BufferedRandom, DEFAULT_BUFFER_SIZE)

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


class StringIO:
    def __init__(self, initial_value='', newline='\n'):
        self._buf = initial_value
        self._pos = 0
        self.closed = False

    def write(self, s):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'" % type(s).__name__)
        buf = self._buf
        self._buf = buf[:self._pos] + s + buf[self._pos + len(s):]
        self._pos += len(s)
        return len(s)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def getvalue(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        return self._buf

    def read(self, size=-1):
        if size is None or size < 0:
            out = self._buf[self._pos:]
        else:
            out = self._buf[self._pos:self._pos + size]
        self._pos += len(out)
        return out

    def readline(self, size=-1):
        rest = self._buf[self._pos:]
        i = rest.find('\n')
        line = rest if i < 0 else rest[:i + 1]
        if size is not None and size >= 0:
            line = line[:size]
        self._pos += len(line)
        return line

    def readlines(self, hint=-1):
        lines = []
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)

    def __iter__(self):
        return iter(self.readlines())

    def seek(self, pos, whence=0):
        if whence == 0:
            self._pos = pos
        elif whence == 2:
            self._pos = len(self._buf) + pos
        else:
            self._pos += pos
        return self._pos

    def tell(self):
        return self._pos

    def truncate(self, size=None):
        if size is None:
            size = self._pos
        self._buf = self._buf[:size]
        return size

    def flush(self):
        pass

    def close(self):
        self.closed = True

    def isatty(self):
        return False

    def readable(self):
        return True

    def writable(self):
        return True

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


class BytesIO:
    def __init__(self, initial_bytes=b''):
        self._buf = bytes(initial_bytes)
        self._pos = 0
        self.closed = False

    def write(self, b):
        self._buf = self._buf[:self._pos] + b + self._buf[self._pos + len(b):]
        self._pos += len(b)
        return len(b)

    def getvalue(self):
        return self._buf

    def read(self, size=-1):
        if size is None or size < 0:
            out = self._buf[self._pos:]
        else:
            out = self._buf[self._pos:self._pos + size]
        self._pos += len(out)
        return out

    def seek(self, pos, whence=0):
        self._pos = pos if whence == 0 else (len(self._buf) + pos if whence == 2 else self._pos + pos)
        return self._pos

    def tell(self):
        return self._pos

    def close(self):
        self.closed = True

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False
