# current_process() in a pool worker: its pid is the worker's os.getpid(), its name a pool worker's.
import os
from multiprocessing import Pool, current_process
from concurrent.futures import ProcessPoolExecutor

def who(x):
    p = current_process()
    return p.name, p.pid == os.getpid(), os.getpid()

if __name__ == '__main__':
    parent = os.getpid()
    with Pool(1) as pool:
        name, same, pid = pool.apply(who, (1,))
        print(name, same, pid != parent)
    with ProcessPoolExecutor(1) as ex:
        name, same, pid = ex.submit(who, 1).result()
        print(name, same, pid != parent)
    print(current_process().name, current_process().pid == parent)
