# maxtasksperchild=1: every task runs in a fresh worker process.
import os
from multiprocessing import Pool

def pid(x):
    return os.getpid()

if __name__ == '__main__':
    with Pool(2, maxtasksperchild=1) as p:
        pids = [p.apply(pid, (i,)) for i in range(5)]
    print(len(pids), len(set(pids)), os.getpid() in pids)
