# A bound method of a __main__ instance as a pool task: the instance travels with it.
from multiprocessing import Pool
from concurrent.futures import ProcessPoolExecutor

class Scaler:
    def __init__(self, k):
        self.k = k

    def apply(self, x):
        return self.k * x

if __name__ == '__main__':
    with Pool(2) as p:
        print(p.map(Scaler(10).apply, [1, 2]))
    with ProcessPoolExecutor(2) as ex:
        print(ex.submit(Scaler(3).apply, 7).result())
