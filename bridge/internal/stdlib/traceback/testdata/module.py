import sys
import traceback
def f():
    raise ValueError('x')
try:
    f()
except ValueError as e:
    print(traceback.format_exc(), end='')
    print(traceback.format_exception_only(e))
    print([(fs.name, fs.lineno) for fs in traceback.extract_tb(e.__traceback__)])
    te = traceback.TracebackException.from_exception(e)
    print(''.join(te.format_exception_only()), end='')
