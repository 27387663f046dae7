# pypool: superset
# A Pool worker killed mid-task: CPython's Pool hangs for ever; pypool fails that task's result with
# multiprocessing.pool.WorkerLostError and replaces the worker, so the pool goes on working.
import os
import multiprocessing
from multiprocessing import Pool
from multiprocessing.pool import WorkerLostError

def die(x):
    os.kill(os.getpid(), 9)  # SIGKILL

if __name__ == '__main__':
    with Pool(2) as p:
        r = p.apply_async(die, (1,))
        try:
            r.get(timeout=30)
        except WorkerLostError as e:
            print(type(e).__name__, isinstance(e, multiprocessing.ProcessError))
            print(e)
        print(p.map(abs, [-1, -2, -3]))
