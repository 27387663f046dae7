import os, sys
path = '/tmp/pypool_file_test_%d' % os.getpid()
with open(path, 'w') as f:
    print(type(f).__name__, f.name == path, f.mode, f.encoding, f.closed, f.readable(), f.writable(), f.seekable())
    print(f.write('héllo\nwörld\r\nthird'), f.tell())
    print(f.writelines(['a\n', 'b\n']))
print(f.closed)
try:
    f.write('x')
except ValueError as e:
    print('ValueError', e)
with open(path) as f:
    print(repr(f.read(3)), f.readline(), repr(f.readline(2)), f.readlines())
    print(repr(f.read()), f.seek(0), repr(f.read(5)))
    try:
        f.write('x')
    except OSError as e:
        print(type(e).__name__, e)
with open(path, 'rb') as f:
    print(type(f).__name__, f.mode, f.read(4), f.readline(), list(f))
    print(f.seek(-3, 2), f.read(), f.tell())
with open(path, 'a') as f:
    f.write('appended\n')
with open(path, newline='') as f:
    print(f.readlines())
import io
with open(path, 'r+') as f:
    print(f.read(2), f.tell() > 0)
    f.seek(0)
    f.write('ZZZ')
    f.seek(0)
    print(f.read())
    print(isinstance(f, io.TextIOWrapper), io.SEEK_END, issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))
with open(path, 'wb') as f:
    print(f.write(b'\x00\xffabc'))
    try:
        f.write('str')
    except TypeError as e:
        print('TypeError', e)
with open(path, 'rb') as f:
    print(f.read())
for bad in ['rw', 'q', 'rbt', '']:
    try:
        open(path, bad)
    except ValueError as e:
        print('ValueError', e)
try:
    open(path, 'x')
except FileExistsError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename == path, str(e) == "[Errno 17] File exists: '%s'" % path)
try:
    open('/tmp')
except IsADirectoryError as e:
    print(type(e).__name__, e.errno, e)
try:
    open('/nonexistent/x', 'w')
except OSError as e:
    print(type(e).__name__, e.errno, e)
e = OSError(2, 'No such file or directory', 'p')
print(type(e).__name__, e, e.args, e.errno, e.filename, e.filename2)
e = OSError('plain')
print(type(e).__name__, e, e.errno, e.strerror)
e = OSError(13, 'Permission denied')
print(type(e).__name__, e, isinstance(e, PermissionError))
e = FileNotFoundError(2, 'x', 'a', None, 'b')
print(e)
print(sys.stdout.write('xyz\n'), sys.stdout.name, sys.stderr.name, sys.stdout.fileno(), sys.stdout.writable())
print(sys.stdout.isatty() in (True, False))
with open(path, 'w', encoding='latin-1') as f:
    f.write('é')
with open(path, 'rb') as f:
    print(f.read())
try:
    with open(path, encoding='utf-8') as f:
        f.read()
except UnicodeDecodeError as e:
    print('UnicodeDecodeError', e)
os.remove(path)
