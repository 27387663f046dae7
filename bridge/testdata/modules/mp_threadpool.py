import threading
from multiprocessing.pool import ThreadPool
from multiprocessing.dummy import Pool as DummyPool

barrier = threading.Barrier(3)
def meet(i):
    barrier.wait()
    return i

with ThreadPool(3) as p:
    print(p.map(meet, range(3)))
    print(p.apply(lambda: threading.current_thread().name.endswith("(worker)")))
    print(list(p.imap(lambda x: x + 1, [1, 2, 3])))

with DummyPool(2) as p:
    print(p.starmap(pow, [(2, 3), (3, 2)]))
