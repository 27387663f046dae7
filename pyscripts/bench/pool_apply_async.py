# Pool overhead: 20k apply_async calls on Pool(2), then get() each.
# Prints: RESULT pool_apply_async <tasks per second> tasks/s
import time
from multiprocessing import Pool

N = 20000


def noop(x):
    return x


if __name__ == '__main__':
    with Pool(2) as p:
        p.apply(noop, (0,))  # workers started
        t0 = time.perf_counter()
        results = [p.apply_async(noop, (i,)) for i in range(N)]
        total = 0
        for r in results:
            total += r.get()
        dt = time.perf_counter() - t0
    assert total == N * (N - 1) // 2
    print("RESULT", "pool_apply_async", round(N / dt), "tasks/s")
