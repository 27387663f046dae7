# Pool callbacks run in the parent (a result-handler thread), seeing and changing its state.
from multiprocessing import Pool, current_process
import threading

totals = {'sum': 0, 'calls': 0}
names = set()

def work(x):
    return x * 2

def on_done(r):
    totals['sum'] += r
    totals['calls'] += 1
    names.add(current_process().name)

if __name__ == '__main__':
    with Pool(3) as p:
        rs = [p.apply_async(work, (i,), callback=on_done) for i in range(10)]
        for r in rs:
            r.get()
        p.close()
        p.join()
    print(totals, names)
