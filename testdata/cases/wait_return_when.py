# wait() with FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED and a timeout.
import threading
from concurrent.futures import ThreadPoolExecutor, wait, FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED

release = threading.Event()

def blocked(x):
    if x:
        release.wait(30)
    return x

def fail():
    raise RuntimeError('bad')

with ThreadPoolExecutor(4) as ex:
    fs = [ex.submit(blocked, 0), ex.submit(blocked, 1)]
    done, not_done = wait(fs, return_when=FIRST_COMPLETED)
    print(len(done), len(not_done), [f.result() for f in done])
    fs2 = [ex.submit(fail), ex.submit(blocked, 2)]
    done, not_done = wait(fs2, return_when=FIRST_EXCEPTION)
    print(len(done), len(not_done), [type(f.exception()).__name__ for f in done])
    done, not_done = wait(fs + fs2, timeout=0.1)
    print(len(done), len(not_done))
    release.set()
    done, not_done = wait(fs + fs2, return_when=ALL_COMPLETED)
    print(len(done), len(not_done))
    print(FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED)
