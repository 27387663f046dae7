# shutdown(wait=False) on a process pool: the interpreter still waits for the tasks at exit.
# pypool: unordered
import time
from concurrent.futures import ProcessPoolExecutor

def work(i):
    time.sleep(0.3)
    print('done', i, flush=True)

if __name__ == '__main__':
    ex = ProcessPoolExecutor(2)
    fs = [ex.submit(work, i) for i in range(4)]
    ex.shutdown(wait=False)
    print('after shutdown', flush=True)
