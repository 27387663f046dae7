# Collect what finishes in time with wait(timeout) and cancel the rest.
import threading
from concurrent.futures import ThreadPoolExecutor, wait

gate = threading.Event()

def task(i):
    if i >= 3:
        gate.wait(10)
    return i * 2

with ThreadPoolExecutor(6) as ex:
    fs = [ex.submit(task, i) for i in range(6)]
    wait(fs[:3])
    done, not_done = wait(fs, timeout=0.1)
    print(sorted(f.result() for f in done), len(not_done))
    gate.set()
    print(sorted(f.result() for f in fs))
