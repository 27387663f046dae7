# Builtin functions as pool tasks travel by reference.
from multiprocessing import Pool
from concurrent.futures import ProcessPoolExecutor

if __name__ == '__main__':
    with Pool(2) as p:
        print(p.map(abs, [-1, 2, -3]))
        print(p.starmap(pow, [(2, 5), (3, 2)]))
    with ProcessPoolExecutor(2) as ex:
        print(ex.submit(len, 'hello').result(), list(ex.map(str, [1, 2])))
