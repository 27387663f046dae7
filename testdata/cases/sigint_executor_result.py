# pypool: interrupt-on ready
# Ctrl-C while waiting on a ThreadPoolExecutor future: KeyboardInterrupt, exit by SIGINT.
import threading
from concurrent.futures import ThreadPoolExecutor

gate = threading.Event()
ex = ThreadPoolExecutor(1)
f = ex.submit(gate.wait, 3)
try:
    print('ready', flush=True)
    f.result()
finally:
    print('finally runs')
