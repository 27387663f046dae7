# Pool(0) and executors with max_workers=0 are rejected with CPython's messages.
from multiprocessing import Pool
from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor

for make in (lambda: Pool(0), lambda: ThreadPoolExecutor(0), lambda: ProcessPoolExecutor(0)):
    try:
        make()
    except ValueError as e:
        print('ValueError:', e)
