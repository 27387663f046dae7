# Where cpu_speedup.py's time goes: the same 8 CPU-bound tasks on Pool(1) and
# Pool(2), each task timing itself (wall and CPU ms) inside its worker.
# Run it under both interpreters:
#   go run ./cmd/pypool pyscripts/diag/cpu_task_times.py
#   python3 pyscripts/diag/cpu_task_times.py
# A worker's first task is the one to watch: under pypool it pays for the
# worker's heap growing into fresh pages.
import os
import time
from multiprocessing import Pool


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def task(n):
    t0, c0 = time.perf_counter(), time.process_time()
    fib(n)
    return os.getpid(), round((time.perf_counter() - t0) * 1000), round((time.process_time() - c0) * 1000)


def timed(workers, jobs):
    with Pool(workers) as p:
        p.apply(fib, (1,))  # workers started
        t0 = time.perf_counter()
        out = p.map(task, jobs, chunksize=1)
        dt = time.perf_counter() - t0
    per = {}
    for pid, wall, cpu in out:
        per.setdefault(pid, []).append((wall, cpu))
    return dt, list(per.values())


if __name__ == '__main__':
    jobs = [25] * 8
    one, p1 = timed(1, jobs)
    two, p2 = timed(2, jobs)
    print("Pool(1) %.3f s, Pool(2) %.3f s, speed-up %.2f" % (one, two, one / two))
    print("Pool(1) tasks (wall ms, cpu ms) per worker:", p1)
    print("Pool(2) tasks (wall ms, cpu ms) per worker:", p2)
