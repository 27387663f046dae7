pairs = [(1, 'one'), (3, 'three'), (2, 'two')]
print(sorted(pairs, key=lambda p: p[1]), list(map(lambda x: x * 2, [1, 2])), list(filter(lambda x: x % 2, range(6))))
add = lambda a, b=1: a + b
print(add(1), add(1, 5), (lambda *a: len(a))(1, 2, 3))
