# imap(...).next(timeout) raises multiprocessing.TimeoutError while the result is not ready.
import time
import multiprocessing
from multiprocessing import Pool

def slow(x):
    time.sleep(2)
    return x

if __name__ == '__main__':
    with Pool(1) as p:
        it = p.imap(slow, [7])
        try:
            it.next(timeout=0.1)
        except multiprocessing.TimeoutError:
            print('not yet')
        print(it.next(timeout=30))
        try:
            it.next()
        except StopIteration:
            print('exhausted')
