f = frozenset([3, 1, 2])
print(f, len(f), 2 in f, f | {4}, frozenset(), hash(f) == hash(frozenset({1, 2, 3})))
d = {f: 'key'}
print(d[frozenset({1, 2, 3})])
