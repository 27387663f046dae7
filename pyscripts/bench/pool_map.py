# Pool.map throughput: 200k small ints through Pool(2).map with the default chunksize.
# Prints: RESULT pool_map <items per second> items/s
import time
from multiprocessing import Pool

N = 200000


def square(x):
    return x * x


if __name__ == '__main__':
    with Pool(2) as p:
        p.apply(square, (0,))  # workers started
        t0 = time.perf_counter()
        out = p.map(square, range(N))
        dt = time.perf_counter() - t0
    assert len(out) == N and out[-1] == (N - 1) * (N - 1)
    print("RESULT", "pool_map", round(N / dt), "items/s")
