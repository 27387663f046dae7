# multiprocessing.Queue: 100k small ints put by the parent and got by a
# child, which sends their sum back at the end (pool/queues'
# BenchmarkQueueToChild measures the same in Go).
# Prints: RESULT queue_items <items per second> items/s
import time
from multiprocessing import Process, Queue, SimpleQueue

N = 100_000


def consume(q, out):
    total = 0
    while True:
        v = q.get()
        if v is None:
            break
        total += v
    out.put(total)


if __name__ == "__main__":
    q, out = Queue(), SimpleQueue()
    p = Process(target=consume, args=(q, out))
    p.start()
    t0 = time.perf_counter()
    for i in range(N):
        q.put(i)
    q.put(None)
    assert out.get() == N * (N - 1) // 2
    dt = time.perf_counter() - t0
    p.join()
    print("RESULT", "queue_items", round(N / dt), "items/s")
