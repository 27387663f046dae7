# Nested dicts with int and tuple keys travel to workers and back.
from multiprocessing import Pool

def invert(grid):
    return {v: k for k, v in grid.items()}

if __name__ == '__main__':
    grids = [{(r, c): r * 3 + c for r in range(2) for c in range(3)}, {(0, 0): 99}]
    with Pool(2) as p:
        for inv in p.map(invert, grids):
            print(inv)
