# Multiply a matrix by a vector row by row with Pool.starmap.
from multiprocessing import Pool

def dot(row, vec):
    return sum(a * b for a, b in zip(row, vec))

if __name__ == '__main__':
    matrix = [[i + j for j in range(4)] for i in range(5)]
    vector = [1, 0, -1, 2]
    with Pool(2) as p:
        out = p.starmap(dot, [(row, vector) for row in matrix])
    for row, v in zip(matrix, out):
        print(' '.join(f'{x:3d}' for x in row), '|', f'{v:4d}')
