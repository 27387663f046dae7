import itertools
print(list(itertools.chain([1, 2], 'ab', (3,))), list(itertools.chain.from_iterable([[1], [2, 3]])))
print(list(itertools.product('ab', [1, 2])), len(list(itertools.product(range(3), repeat=2))))
