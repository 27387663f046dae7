# threading.currentThread() works but warns (DeprecationWarning on stderr, once per call site).
import threading

for i in range(3):
    print(threading.currentThread().name)
print(threading.current_thread().name)
