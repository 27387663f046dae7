# future.result(timeout) raises concurrent.futures.TimeoutError, which is the builtin TimeoutError in 3.11.
import threading
import concurrent.futures
from concurrent.futures import ThreadPoolExecutor

release = threading.Event()

def blocked():
    release.wait(30)
    return 'late'

with ThreadPoolExecutor(1) as ex:
    f = ex.submit(blocked)
    try:
        f.result(timeout=0.05)
    except TimeoutError as e:
        print('timeout', type(e).__name__, concurrent.futures.TimeoutError is TimeoutError, f.done())
    release.set()
    print(f.result())
