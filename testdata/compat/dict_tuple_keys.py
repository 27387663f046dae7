grid = {(0, 0): 'origin', (1, 2): 'p'}
grid[(3, 4)] = 'q'
print(grid[(1, 2)], grid, (3, 4) in grid)
for (x, y), v in sorted(grid.items()):
    print(x, y, v)
