import itertools
print(list(itertools.islice(itertools.count(10, 5), 4)), list(itertools.islice('abcdefg', 1, 6, 2)))
print(list(itertools.repeat('x', 3)), list(itertools.islice(itertools.cycle('ab'), 5)))
