# A thread executor's done callback runs on the worker that finished the task;
# one added to a finished future runs at once in the caller's thread.
import threading, time
from concurrent.futures import ThreadPoolExecutor
names = []
def cb(f):
    names.append(threading.current_thread().name)
with ThreadPoolExecutor(1) as ex:
    f = ex.submit(time.sleep, 0.2)
    f.add_done_callback(cb)
    f.result()
    time.sleep(0.05)
    f.add_done_callback(cb)
print(names)
