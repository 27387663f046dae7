# Thread executor overhead: submit 100k trivial tasks to ThreadPoolExecutor(4), then collect them.
# Prints: RESULT thread_executor_submit <tasks per second> tasks/s
import time
from concurrent.futures import ThreadPoolExecutor

N = 100000


def noop(x):
    return x


if __name__ == '__main__':
    with ThreadPoolExecutor(4) as ex:
        ex.submit(noop, 0).result()
        t0 = time.perf_counter()
        futures = [ex.submit(noop, i) for i in range(N)]
        total = 0
        for f in futures:
            total += f.result()
        dt = time.perf_counter() - t0
    assert total == N * (N - 1) // 2
    print("RESULT", "thread_executor_submit", round(N / dt), "tasks/s")
