# Worker output is not captured by the in-process test harness, so the
# children report through their exit codes.
from multiprocessing import Process, current_process
import os
import sys

class Worker(Process):
    def __init__(self, n):
        Process.__init__(self)
        self.n = n
    def run(self):
        ok = current_process().name == "Worker-1" and self.n == 21 and os.getpid() != parent
        sys.exit(0 if ok else 5)

def hello(who):
    sys.exit(3 if (who == "bob" and current_process().name == "greeter") else 5)

def crash():
    raise RuntimeError("child failed")

parent = os.getpid()
if __name__ == '__main__':
    w = Worker(21)
    w.start()
    w.join()
    print(w.exitcode, w.is_alive(), w.name)
    p = Process(target=hello, args=("bob",), name="greeter")
    p.start(); p.join()
    print(p.exitcode, p.pid != parent)
    c = Process(target=crash)
    c.start(); c.join()
    print("crash", c.exitcode)
