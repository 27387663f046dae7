# add_done_callback: called with the future when it completes; at once if it is already done.
from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor
import threading

seen = []

def work(x):
    return x + 100

def note(fut):
    seen.append(fut.result())

if __name__ == '__main__':
    with ProcessPoolExecutor(2) as ex:
        fs = [ex.submit(work, i) for i in range(4)]
        for f in fs:
            f.add_done_callback(note)
    print(sorted(seen))
    f = fs[0]
    f.add_done_callback(lambda fut: print('immediately', fut.result(), threading.current_thread().name))
    print('after add_done_callback')
