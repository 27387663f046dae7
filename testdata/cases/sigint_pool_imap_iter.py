# pypool: interrupt-on ready
# pypool: superset
# Ctrl-C while iterating Pool.imap: KeyboardInterrupt, exit by SIGINT.
import time
from multiprocessing import Pool

def slow(x):
    time.sleep(2)
    return x

if __name__ == '__main__':
    p = Pool(2)
    try:
        print('ready', flush=True)
        for r in p.imap(slow, [1, 2]):
            print(r)
    except KeyboardInterrupt:
        print('KeyboardInterrupt in imap')
        raise
