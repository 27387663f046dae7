# A worker's exception is chained to the remote traceback (its __cause__), as CPython prints it.
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Pool

def fail(x):
    return 1 / x

if __name__ == '__main__':
    with ProcessPoolExecutor(1) as ex:
        try:
            ex.submit(fail, 0).result()
        except ZeroDivisionError as e:
            print(repr(e), type(e.__cause__).__name__)
            print('fail' in str(e.__cause__), 'ZeroDivisionError' in str(e.__cause__))
    with Pool(1) as p:
        try:
            p.apply(fail, (0,))
        except ZeroDivisionError as e:
            print(repr(e), type(e.__cause__).__name__)
    with Pool(1) as p:
        p.map(fail, [1, 0])
