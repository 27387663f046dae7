# Uncaught future timeout from a process pool: last line "TimeoutError", exit 1 after the work ends.
import time
from concurrent.futures import ProcessPoolExecutor

def slow():
    time.sleep(1)

if __name__ == '__main__':
    ex = ProcessPoolExecutor(1)
    ex.submit(slow).result(timeout=0.1)
