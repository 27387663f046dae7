# pypool: interrupt-on ready
# Ctrl-C while iterating ProcessPoolExecutor.map: KeyboardInterrupt, exit by SIGINT.
import time
from concurrent.futures import ProcessPoolExecutor

def slow(x):
    time.sleep(2)
    return x

if __name__ == '__main__':
    ex = ProcessPoolExecutor(2)
    try:
        print('ready', flush=True)
        for r in ex.map(slow, [1, 2]):
            print(r)
    except KeyboardInterrupt:
        print('KeyboardInterrupt in map')
        ex.shutdown(wait=False, cancel_futures=True)
        raise
