# multiprocessing.pool.ThreadPool and multiprocessing.dummy.Pool share memory with the caller.
from multiprocessing.pool import ThreadPool
from multiprocessing.dummy import Pool as DummyPool
import threading

seen = []

def record(x):
    seen.append(x)
    return x * 3

with ThreadPool(3) as tp:
    print(tp.map(record, range(5)))
    print(tp.apply(lambda a, b: a - b, (10, 4)))
    print(sorted(tp.imap_unordered(lambda s: s * 2, 'abc')))
print(sorted(seen))
with DummyPool(2) as dp:
    print(dp.map(len, ['x', 'yy', 'zzz']))
print(threading.current_thread().name)
