from concurrent.futures import ProcessPoolExecutor

from fastmath import fib, fib_all

print(fib(10), fib_all([1, 2, 3, 10]))
for bad in [-1, "ten", 100]:
    try:
        fib(bad)
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    fib()
except TypeError as e:
    print(type(e).__name__, e)

with ProcessPoolExecutor(max_workers=2) as ex:
    print(ex.submit(fib_all, [20, 21]).result())
    print(ex.submit(fib, n=15).result())
    try:
        ex.submit(fib, -2).result()
    except ValueError as e:
        print("from a worker:", e)
    print(list(ex.map(fib, [5, 6])))
    ex.submit(fib, -3).result()
