# A worker that exits abruptly breaks a ProcessPoolExecutor: BrokenProcessPool for its futures.
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
import concurrent.futures

def die(x):
    os._exit(1)

if __name__ == '__main__':
    ex = ProcessPoolExecutor(2)
    f = ex.submit(die, 1)
    try:
        f.result(timeout=30)
    except BrokenProcessPool as e:
        print(type(e).__name__, isinstance(e, concurrent.futures.BrokenExecutor))
        print(e)
    try:
        ex.submit(abs, 1)
    except BrokenProcessPool as e:
        print('submit:', e)
    ex.shutdown()
