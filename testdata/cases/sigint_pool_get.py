# pypool: interrupt-on ready
# pypool: unordered
# Ctrl-C while waiting on a Pool result: KeyboardInterrupt in the main process, workers gone, 130.
import time
from multiprocessing import Pool

def slow(x):
    time.sleep(30)
    return x

if __name__ == '__main__':
    p = Pool(2)
    r = p.map_async(slow, [1, 2])
    time.sleep(0.5)
    print('ready', flush=True)
    r.get()
    print('not reached')
