# Messages that depend on the failing operation's operands, caught in the
# frame that raised them and in callers; a `raise` keeps its own message.
import os
import sys

a = [1, 2]
t = (1, 2)
s = 'ab'
for f in (lambda: a[5], lambda: t[5], lambda: s[5]):
    try:
        f()
    except IndexError as e:
        print(e)
try:
    a[5]
except IndexError as e:
    print(e)
try:
    t[5]
except IndexError as e:
    print(e)
try:
    a[5] = 1
except IndexError as e:
    print(e)
try:
    del a[5]
except IndexError as e:
    print(e)


class K:
    def __init__(self):
        self.items = (1,)

    def get(self, i):
        return self.items[i]


try:
    K().get(4)
except IndexError as e:
    print(e, repr(e), e.args)
try:
    x = 5 % 0
except ZeroDivisionError as e:
    print(e, repr(e))
try:
    x = 5 / 0
except ZeroDivisionError as e:
    print(e, repr(e))


def floor():
    return 1 // 0


try:
    floor()
except ZeroDivisionError as e:
    print(e)
try:
    raise IndexError('index out of range')
except IndexError as e:
    print(e)
try:
    sys.foo
except AttributeError as e:
    print(e)
try:
    os.path.nope
except AttributeError as e:
    print(e)
try:
    getattr(sys, 'nope')
except AttributeError as e:
    print(e)
try:
    K.nope
except AttributeError as e:
    print(e)
try:
    K().nope
except AttributeError as e:
    print(e)
errors = []
for op in (lambda: 10 % 0, lambda: 10 / 0, lambda: 10 // 0, lambda: 1.5 % 0):
    try:
        op()
    except ZeroDivisionError as e:
        errors.append(e)
print([str(e) for e in errors])
