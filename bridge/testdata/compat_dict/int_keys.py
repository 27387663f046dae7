d = dict()
d[1] = 'a'
d[2.0] = 'b'
d[True] = 'c'
d[(1, 2)] = 'tuple'
d[None] = 'none'
d[frozenset([3])] = 'fs'
print(repr(d))
print(len(d), d[1], d[2], d[(1, 2)], d[None])
print(1 in d, 3 in d, (1, 2) in d)
del d[2]
print(repr(d))
for k in d:
    print(repr(k))
