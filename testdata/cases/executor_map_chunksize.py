# ProcessPoolExecutor.map keeps order, with and without chunksize, several iterables.
from concurrent.futures import ProcessPoolExecutor

def add(a, b):
    return a + b

if __name__ == '__main__':
    with ProcessPoolExecutor(3) as ex:
        print(list(ex.map(add, range(10), range(100, 110))))
        print(list(ex.map(add, range(50), range(50), chunksize=8))[-5:])
        print(list(ex.map(abs, [-1, -2, 3])))
