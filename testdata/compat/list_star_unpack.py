a = [1, 2]
b = (3, 4)
print([*a, *b, 5])
print([*range(3), *'ab'])
first, *rest = [10, 20, 30]
*init, last = 'xyz'
print(first, rest, init, last)
