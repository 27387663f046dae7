# A function whose comprehension reads the function's own variables (cells)
# travels to the workers and runs there.
from multiprocessing import Pool
from concurrent.futures import ProcessPoolExecutor

def g(x, y):
    return x * 10 + y

def f(t):
    tx, ty = t
    return [g(x, y) for y in range(ty, ty + 2) for x in range(tx, tx + 2)]

if __name__ == '__main__':
    with Pool(2) as p:
        print(p.map(f, [(0, 0), (1, 2), (3, 4)]))
    with ProcessPoolExecutor(2) as ex:
        print(list(ex.map(f, [(5, 6)])))
