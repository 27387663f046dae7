d = {1: 'one', (2, 3): 'tuple', 'k': {'nested': [1, 2]}}
print(d)
print(d[1], d[2, 3], d['k']['nested'])
e = {}
e[5] = 'five'
print(e, len(e), type(e).__name__ if False else '')
sq = {n: n * n for n in range(5)}
print(sq)
inv = {v: k for k, v in sq.items() if k % 2 == 0}
print(inv)
s = {3, 1, 2}
print(s, {(1, 2), (3, 4)} == {(3, 4), (1, 2)})
evens = {x % 3 for x in range(10)}
print(evens)
merged = {**d, 'extra': 0, **{9: 9}}
print(merged)
a = [1, 2]
b = (3, 4)
print([*a, *b, 5], (*a, 0), {*a, *b})
f = {1: lambda x: x + 1, 2: lambda y, z=3: y * z}
print(f[1](1), f[2](2))
print({'a': 1} == dict(a=1))
grid = {(r, c): r * c for r in range(2) for c in range(2)}
print(grid)
m = {
    'multi': 1,
    'line': 2,
}
print(m)
