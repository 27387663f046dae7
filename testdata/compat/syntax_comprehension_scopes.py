x = 'outer'
squares = [x for x in range(3)]
print(x, squares)
matrix = [[1, 2], [3, 4]]
print([n for row in matrix for n in row], [[row[i] for row in matrix] for i in range(2)])
