d = {'a': 1, 2: 'b', 3.5: 'c', None: 'd', True: 'e', (1,): 'f', frozenset({1}): 'g'}
print(d)
print(d[None], d[True], d[(1,)], d[frozenset([1])])
