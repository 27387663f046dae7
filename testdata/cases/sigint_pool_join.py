# pypool: interrupt-on ready
# Ctrl-C while Pool.join() waits: KeyboardInterrupt, exit by SIGINT.
import time
from multiprocessing import Pool

if __name__ == '__main__':
    p = Pool(2)
    p.apply_async(time.sleep, (2,))
    p.close()
    try:
        print('ready', flush=True)
        p.join()
    except KeyboardInterrupt:
        print('KeyboardInterrupt in join')
        raise
