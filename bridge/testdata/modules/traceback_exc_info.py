# traceback's formatting functions and sys.exc_info() inside, between and
# after (nested) except handlers.
import io
import sys
import traceback


def nested():
    try:
        raise ValueError('outer')
    except ValueError:
        try:
            raise KeyError('inner')
        except KeyError as e:
            print('inner handler:', repr(sys.exc_info()[1]))
        print('back in outer:', repr(sys.exc_info()[1]))
        print(traceback.format_exc().splitlines()[-1])
    print('after both:', sys.exc_info())


nested()
print(traceback.format_exc(), end='')

try:
    raise RuntimeError('kept')
except RuntimeError as e:
    err = e
lines = traceback.format_exception(err)
print(lines[0], end='')
print(lines[-1], end='')
print(all(line.endswith('\n') for line in lines))
print(traceback.format_exception_only(err))
print(traceback.format_exception_only(None))
buf = io.StringIO()
traceback.print_exception(err, file=buf)
printed = buf.getvalue().splitlines()
print(printed[0], printed[-1], len(printed))
try:
    traceback.format_exception(42)
except TypeError as e:
    print('TypeError', e)


class Box:
    pass


def handler_in_method():
    try:
        {}['k']
    except KeyError:
        t, v, tb = sys.exc_info()
        return t.__name__, str(v), tb is not None


print(handler_in_method())
