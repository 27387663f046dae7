# Where pool_map.py's time goes on the parent's side: the wall time and the
# parent process's CPU time (time.process_time) of two 200k-item maps, the
# first in a fresh process, the second warm. Run it under both interpreters:
#   go run ./cmd/pypool pyscripts/diag/map_parent_cpu.py
#   python3 pyscripts/diag/map_parent_cpu.py
import time
from multiprocessing import Pool


def square(x):
    return x * x


if __name__ == '__main__':
    with Pool(2) as p:
        p.apply(square, (1,))  # workers started
        for which in ("first", "second"):
            c0, t0 = time.process_time(), time.perf_counter()
            out = p.map(square, range(200000))
            wall, cpu = time.perf_counter() - t0, time.process_time() - c0
            assert out[-1] == 199999 * 199999
            print("%s map: wall %.1f ms, parent CPU %.1f ms" % (which, wall * 1000, cpu * 1000))
