print(sum(x * x for x in range(10)), any(x > 5 for x in [1, 7]), all(x for x in [1, 0]), max((len(w), w) for w in ['a', 'ccc', 'bb']))
g = (c for c in 'hi')
print(list(g), list(g))
