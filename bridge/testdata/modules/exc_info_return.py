# sys.exc_info() after handlers left by return and by raise.
import sys
def f():
    try:
        raise KeyError(1)
    except KeyError:
        return sys.exc_info()[0].__name__
print(f())
print(sys.exc_info())
try:
    raise ValueError(2)
except ValueError:
    print(f(), sys.exc_info()[0].__name__)
print(sys.exc_info())
def g():
    try:
        raise OSError(3)
    except OSError:
        raise TypeError(4)
try:
    g()
except TypeError:
    print(sys.exc_info()[0].__name__)
print(sys.exc_info())
