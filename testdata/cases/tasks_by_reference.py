# Builtins, functions of importable modules, functools.partial and bound methods as pool tasks.
import math
import functools
from multiprocessing import Pool
from concurrent.futures import ProcessPoolExecutor

def power(base, exp):
    return base ** exp

class Scaler:
    def __init__(self, k):
        self.k = k

    def apply(self, x):
        return self.k * x

if __name__ == '__main__':
    with Pool(2) as p:
        print(p.map(abs, [-1, 2, -3]))
        print(p.map(math.sqrt, [4, 9, 16]))
        print(p.map(functools.partial(power, exp=3), [1, 2, 3]))
        print(p.map(Scaler(10).apply, [1, 2]))
        print(p.map(str.upper, ['a', 'b']))
    with ProcessPoolExecutor(2) as ex:
        print(list(ex.map(functools.partial(power, 2), range(5))))
        print(ex.submit(len, 'hello').result())
