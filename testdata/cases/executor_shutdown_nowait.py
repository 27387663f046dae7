# shutdown(wait=False) returns at once, yet the program waits for the pending work at exit.
import time
from concurrent.futures import ThreadPoolExecutor

def work(i):
    time.sleep(1)
    print('done', i)

ex = ThreadPoolExecutor(1)
for i in range(3):
    ex.submit(work, i)
ex.shutdown(wait=False)
print('after shutdown')
