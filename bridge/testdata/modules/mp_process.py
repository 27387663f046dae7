from multiprocessing import Process, current_process
import os

class Worker(Process):
    def __init__(self, n):
        Process.__init__(self)
        self.n = n
    def run(self):
        print("child", current_process().name, self.n * 2, os.getpid() != parent)

def hello(who):
    print("hello", who, current_process().name)

parent = os.getpid()
if __name__ == '__main__':
    w = Worker(21)
    w.start()
    w.join()
    print(w.exitcode, w.is_alive(), w.name)
    p = Process(target=hello, args=("bob",), name="greeter")
    p.start(); p.join()
    print(p.exitcode, p.pid != parent)
    def crash():
        raise RuntimeError("child failed")
    c = Process(target=crash)
    c.start(); c.join()
    print("crash", c.exitcode)
