print([x * x for x in range(6) if x % 2 == 0])
print([(i, j) for i in range(3) for j in range(i)])
print([[r * 3 + c for c in range(3)] for r in range(2)])
print([c.upper() for c in 'abc'])
