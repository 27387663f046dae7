import threading
from concurrent.futures import ThreadPoolExecutor, as_completed
from multiprocessing.pool import ThreadPool

def check(x):
    if x == 2:
        raise ValueError("bad item %d" % x)
    return x

seen = []
try:
    with ThreadPool(2) as p:
        for r in p.imap(check, range(5)):
            seen.append(r)
    print("imap loop ended without error")
except ValueError as e:
    print("imap:", e, seen)

seen = []
with ThreadPoolExecutor(2) as ex:
    try:
        for r in ex.map(check, range(5)):
            seen.append(r)
        print("map loop ended without error")
    except ValueError as e:
        print("map:", e, seen)

gate = threading.Event()
with ThreadPoolExecutor(2) as ex:
    fs = [ex.submit(abs, -1), ex.submit(gate.wait, 5)]
    done = []
    try:
        for f in as_completed(fs, timeout=0.2):
            done.append(f.result())
        print("as_completed loop ended without error")
    except TimeoutError as e:
        print("as_completed:", e, done)
    gate.set()
print([x for x in (i * 2 for i in range(3))])
