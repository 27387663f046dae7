# pypool: interrupt-on ready
# Ctrl-C while ThreadPoolExecutor.shutdown(wait=True) waits: KeyboardInterrupt, exit by SIGINT.
import time
from concurrent.futures import ThreadPoolExecutor

ex = ThreadPoolExecutor(2)
ex.submit(time.sleep, 2)
try:
    print('ready', flush=True)
    ex.shutdown(wait=True)
except KeyboardInterrupt:
    print('KeyboardInterrupt in shutdown')
    raise
