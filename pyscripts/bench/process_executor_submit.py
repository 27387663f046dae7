# Process executor overhead: submit 20k trivial tasks to ProcessPoolExecutor(2), then collect them.
# Prints: RESULT process_executor_submit <tasks per second> tasks/s
import time
from concurrent.futures import ProcessPoolExecutor

N = 20000


def noop(x):
    return x


if __name__ == '__main__':
    with ProcessPoolExecutor(2) as ex:
        ex.submit(noop, 0).result()  # workers started
        t0 = time.perf_counter()
        futures = [ex.submit(noop, i) for i in range(N)]
        total = 0
        for f in futures:
            total += f.result()
        dt = time.perf_counter() - t0
    assert total == N * (N - 1) // 2
    print("RESULT", "process_executor_submit", round(N / dt), "tasks/s")
