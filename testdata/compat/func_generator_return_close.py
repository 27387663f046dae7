def inner():
    x = yield 1
    print('got', x)
    return x * 2
def outer():
    r = yield from inner()
    print('r', r)
    return r
def top():
    v = yield from outer()
    yield v
g = top()
print(next(g))
print(g.send(21))
def counter():
    i = 0
    while True:
        yield i
        i += 1
c = counter()
print(next(c), next(c))
c.close()
print(list(c))
d = counter()
d.close()
print(list(d))
def h():
    yield from [1, 2]
    x = yield from iter([3])
    yield x
print(list(h()))
