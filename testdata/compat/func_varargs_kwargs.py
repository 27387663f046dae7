def f(a, *args, b=0, **kw):
    return a, args, b, sorted(kw.items())
print(f(1))
print(f(1, 2, 3, b=4, z=5, y=6))
def g(*args, **kwargs):
    return f(*args, **kwargs)
print(g(9, 8, x=7))
