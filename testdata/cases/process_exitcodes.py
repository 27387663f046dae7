# Process exit codes: sys.exit(n), an uncaught exception (1, traceback on stderr), os._exit.
import os
import sys
from multiprocessing import Process

def quit3():
    sys.exit(3)

def crash():
    raise RuntimeError('child failed')

def hard():
    os._exit(7)

if __name__ == '__main__':
    for target in (quit3, hard, crash):
        p = Process(target=target)
        p.start()
        p.join()
        print(target.__name__, p.exitcode)
