# pypool: interrupt-on ready
# Ctrl-C while `with ProcessPoolExecutor()` waits for its work at exit: KeyboardInterrupt, exit by SIGINT.
import time
from concurrent.futures import ProcessPoolExecutor

if __name__ == '__main__':
    try:
        with ProcessPoolExecutor(2) as ex:
            ex.submit(time.sleep, 2)
            print('ready', flush=True)
    except KeyboardInterrupt:
        print('KeyboardInterrupt in the with exit')
        raise
    print('not reached')
