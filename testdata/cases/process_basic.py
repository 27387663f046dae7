# multiprocessing.Process: start, join, exitcode, name, is_alive; a subclass overriding run().
from multiprocessing import Process, current_process
import time

def greet(who, punct='!'):
    print(f'hello {who}{punct} from {current_process().name}', flush=True)

class Worker(Process):
    def __init__(self, n):
        super().__init__()
        self.n = n

    def run(self):
        print(f'worker run n={self.n}', flush=True)

if __name__ == '__main__':
    p = Process(target=greet, args=('world',), kwargs={'punct': '?'})
    print(p.name, p.is_alive(), p.exitcode)
    p.start()
    p.join()
    print(p.is_alive(), p.exitcode)
    w = Worker(5)
    w.start()
    w.join()
    print(w.exitcode, current_process().name)
