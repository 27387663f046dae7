d = dict([(1, 1), (2, 2)])
it = iter(d)
d[next(it) + 10] = 0
try:
    next(it)
except RuntimeError as e:
    print(e)
d = dict([(i, i * i) for i in range(100)])
for i in range(0, 100, 2):
    del d[i]
print(len(d), repr(list(d)[:5]))
d[0] = 'back'
print(repr(list(d.items())[-1]))
while d:
    d.popitem()
print(repr(d))
