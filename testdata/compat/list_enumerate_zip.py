names = ['a', 'b', 'c']
for i, n in enumerate(names, start=1):
    print(i, n)
print(list(zip(names, range(3))), list(zip(*[(1, 'x'), (2, 'y')])))
print(dict(zip(names, [1, 2, 3])))
