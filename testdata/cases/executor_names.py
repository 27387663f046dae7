# Thread names: ThreadPoolExecutor-N_M by default, PREFIX_M with thread_name_prefix.
import threading
from concurrent.futures import ThreadPoolExecutor

def name():
    return threading.current_thread().name

with ThreadPoolExecutor(1, thread_name_prefix='fetch') as ex:
    print(ex.submit(name).result())
with ThreadPoolExecutor(1) as ex:
    n = ex.submit(name).result()
    print(n.startswith('ThreadPoolExecutor-'), n.endswith('_0'))
print(name())
