# CPU-bound scaling: the same 8 CPU-bound tasks on Pool(1) and on Pool(2).
# Prints: RESULT cpu_speedup <time with 1 worker / time with 2 workers> x
import time
from multiprocessing import Pool


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def timed(workers, jobs):
    with Pool(workers) as p:
        p.apply(fib, (1,))  # workers started
        t0 = time.perf_counter()
        out = p.map(fib, jobs, chunksize=1)
        dt = time.perf_counter() - t0
    assert out[0] == 75025
    return dt


if __name__ == '__main__':
    jobs = [25] * 8
    one = timed(1, jobs)
    two = timed(2, jobs)
    print("RESULT", "cpu_speedup", round(one / two, 2), "x")
