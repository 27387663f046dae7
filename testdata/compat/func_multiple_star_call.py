def f(*args, **kw):
    return args, sorted(kw.items())
a, b = [1, 2], (3,)
k1, k2 = {'x': 1}, {'y': 2}
print(f(*a, *b, 0, **k1, **k2, z=3))
print(f(*'ab', *range(2)))
