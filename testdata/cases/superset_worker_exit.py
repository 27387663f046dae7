# pypool: superset
# A Pool worker that calls os._exit mid-task: CPython's Pool hangs for ever; pypool fails that
# task's result with multiprocessing.pool.WorkerLostError and replaces the worker.
import os
import multiprocessing
from multiprocessing import Pool
from multiprocessing.pool import WorkerLostError

def leave(x):
    os._exit(3)

if __name__ == '__main__':
    with Pool(2) as p:
        r = p.apply_async(leave, (1,))
        try:
            r.get(timeout=30)
        except WorkerLostError as e:
            print(type(e).__name__, isinstance(e, multiprocessing.ProcessError), 'exit' in str(e))
        print(p.map(abs, [-1, -2, -3]))
        print(p.apply(abs, (-4,)))
