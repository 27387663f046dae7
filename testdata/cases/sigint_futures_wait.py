# pypool: interrupt-on ready
# Ctrl-C while concurrent.futures.wait() waits: KeyboardInterrupt, exit by SIGINT.
import time
from concurrent.futures import ThreadPoolExecutor, wait

ex = ThreadPoolExecutor(1)
f = ex.submit(time.sleep, 2)
try:
    print('ready', flush=True)
    wait([f])
except KeyboardInterrupt:
    print('KeyboardInterrupt in wait')
    raise
