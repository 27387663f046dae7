# Executor.map(timeout=...) raises TimeoutError while iterating.
import threading
from concurrent.futures import ThreadPoolExecutor

release = threading.Event()

def blocked(x):
    if x:
        release.wait(30)
    return x

with ThreadPoolExecutor(2) as ex:
    got = []
    try:
        for r in ex.map(blocked, [0, 1], timeout=0.3):
            got.append(r)
    except TimeoutError:
        print('TimeoutError', got)
    release.set()
