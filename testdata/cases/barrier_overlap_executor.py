# Three ThreadPoolExecutor tasks that all wait on one Barrier(3) finish only if they run at once.
import threading
import time
from concurrent.futures import ThreadPoolExecutor

barrier = threading.Barrier(3)

def task(i):
    time.sleep(0.05 * i)
    n = barrier.wait(timeout=20)
    return i

with ThreadPoolExecutor(3) as ex:
    print(sorted(ex.map(task, range(3))))
print('overlapped')
