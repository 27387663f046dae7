import functools

def deco(fn):
    @functools.wraps(fn)
    def inner(*args):
        return ('wrapped', fn(*args))
    return inner

@deco
def add(a, b):
    """adds"""
    return a + b

print(add(1, 2), add.__name__)

class Temp:
    def __init__(self):
        self._c = 0

    @property
    def c(self):
        return self._c

    @c.setter
    def c(self, v):
        self._c = v * 2

t = Temp()
t.c = 5
print(t.c)
