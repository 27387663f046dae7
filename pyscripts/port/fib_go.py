# The same script with its hot function ported to Go (cmd/fastpool exports it).
# Run: fastpool fib_go.py
import sys
import time
from concurrent.futures import ProcessPoolExecutor

from fastmath import fib

NS = [28, 29, 30, 31] * 2

if __name__ == '__main__':
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=2) as ex:
        results = list(ex.map(fib, NS))
    elapsed = time.perf_counter() - start
    print(results)
    print(sum(results))
    print('pool work: %.3f s' % elapsed, file=sys.stderr)
