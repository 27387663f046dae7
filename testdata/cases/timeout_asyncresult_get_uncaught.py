# An uncaught Pool timeout prints module-qualified: multiprocessing.context.TimeoutError.
import time
from multiprocessing import Pool

def slow(x):
    time.sleep(3)

if __name__ == '__main__':
    p = Pool(1)
    p.apply_async(slow, (1,)).get(timeout=0.1)
