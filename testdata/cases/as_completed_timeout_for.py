# A timeout from as_completed must reach the for loop (gpython's for would end it silently).
import threading
from concurrent.futures import ThreadPoolExecutor, as_completed

release = threading.Event()

def blocked(x):
    if x:
        release.wait(30)
    return x

with ThreadPoolExecutor(3) as ex:
    fs = [ex.submit(blocked, 0), ex.submit(blocked, 1), ex.submit(blocked, 2)]
    fs[0].result()
    got = []
    try:
        for f in as_completed(fs, timeout=0.3):
            got.append(f.result())
        print('loop ended without error')
    except TimeoutError as e:
        print('TimeoutError:', e)
    print(got)
    release.set()
print(sorted(f.result() for f in fs))
