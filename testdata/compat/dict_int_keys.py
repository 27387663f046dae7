squares = {}
for i in range(5):
    squares[i] = i * i
print(squares, squares[3], 4 in squares, len(squares))
d = {1: 'one', 2: 'two'}
d[3] = 'three'
del d[1]
print(d)
