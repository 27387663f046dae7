# The same script with its hot function ported to Go (cmd/fastpool exports it).
# Run: fastpool fib_go.py
from concurrent.futures import ProcessPoolExecutor

from fastmath import fib

NS = [28, 29, 30, 31] * 2

if __name__ == '__main__':
    with ProcessPoolExecutor(max_workers=2) as ex:
        results = list(ex.map(fib, NS))
    print(results)
    print(sum(results))
