# functools.partial objects as pool tasks, wrapping __main__ functions and builtins.
import functools
from multiprocessing import Pool
from concurrent.futures import ProcessPoolExecutor

def power(base, exp):
    return base ** exp

if __name__ == '__main__':
    with Pool(2) as p:
        print(p.map(functools.partial(power, exp=3), [1, 2, 3]))
        print(p.map(functools.partial(int, base=2), ['101', '11']))
    with ProcessPoolExecutor(2) as ex:
        print(list(ex.map(functools.partial(power, 2), range(5))))
