print({i: i * i for i in range(5)})
print({k: v for k, v in zip('abc', range(3)) if v})
print({(i, j): i * j for i in range(2) for j in range(2)})
print({v: k for k, v in {'a': 1, 'b': 2}.items()})
