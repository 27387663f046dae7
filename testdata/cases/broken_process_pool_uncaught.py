# Uncaught BrokenProcessPool, from a worker killed by a signal: module-qualified last line.
import os
from concurrent.futures import ProcessPoolExecutor

def die(x):
    os.kill(os.getpid(), 9)  # SIGKILL

if __name__ == '__main__':
    with ProcessPoolExecutor(1) as ex:
        ex.submit(die, 1).result()
