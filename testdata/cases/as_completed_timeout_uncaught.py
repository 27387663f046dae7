# Uncaught TimeoutError from as_completed in a for loop: exit 1 (after the task ends).
import threading
from concurrent.futures import ThreadPoolExecutor, as_completed

never = threading.Event()

with ThreadPoolExecutor(2) as ex:
    fs = [ex.submit(never.wait, 1.5)]
    for f in as_completed(fs, timeout=0.1):
        print('never')
    print('after loop')
