# The hot function in Python: fib on a process pool.
# Run: python3 fib_python.py   or   pypool fib_python.py
import sys
import time
from concurrent.futures import ProcessPoolExecutor


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


NS = [28, 29, 30, 31] * 2

if __name__ == '__main__':
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=2) as ex:
        results = list(ex.map(fib, NS))
    elapsed = time.perf_counter() - start
    print(results)
    print(sum(results))
    print('pool work: %.3f s' % elapsed, file=sys.stderr)
