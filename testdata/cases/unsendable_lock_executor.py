# A lock cannot be sent to a process pool: TypeError at result()/get(); the pool keeps working.
import threading
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Pool

def use(x):
    return 1

if __name__ == '__main__':
    with ProcessPoolExecutor(2) as ex:
        f = ex.submit(use, threading.Lock())
        try:
            f.result(timeout=30)
        except TypeError as e:
            print('executor:', type(e).__name__, e)
        print(ex.submit(abs, -2).result())
    with Pool(2) as p:
        r = p.apply_async(use, (threading.Lock(),))
        try:
            r.get(timeout=30)
        except TypeError as e:
            print('pool:', type(e).__name__, e)
        print(p.apply(abs, (-3,)))
