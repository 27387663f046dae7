# AsyncResult.get(timeout) raises multiprocessing.TimeoutError (multiprocessing.context.TimeoutError).
import time
import multiprocessing
from multiprocessing import Pool

def slow(x):
    time.sleep(3)
    return x

if __name__ == '__main__':
    p = Pool(1)
    r = p.apply_async(slow, (1,))
    try:
        r.get(timeout=0.2)
    except multiprocessing.TimeoutError as e:
        print('timeout', type(e).__module__, type(e).__name__, repr(str(e)))
        print(issubclass(multiprocessing.TimeoutError, TimeoutError), r.ready())
    p.terminate()
    p.join()
