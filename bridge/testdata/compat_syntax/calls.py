def f(*args, **kwargs):
    return args, sorted(kwargs.items())
a = [1, 2]
b = (3,)
kw = {'x': 1}
print(f(*a, *b))
print(f(*a, 9))
print(f(**kw))
print(f(0, *a, y=2, **kw))
print(f(**kw, **{'z': 3}))
print(f(**{'p': 1}, q=2))
def g(x, y, z=0):
    return x + y + z
print(g(**{'x': 1, 'y': 2}), g(1, **{'z': 5, 'y': 1}))
try:
    f(**{'x': 1}, **{'x': 2})
except TypeError as e:
    print('TypeError')
print(1_000_000 + 0x_ff + 1_0.5)
