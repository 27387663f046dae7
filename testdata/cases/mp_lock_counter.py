# Several Processes increment shared counters under a multiprocessing Lock
# and under a Value's own lock.
import multiprocessing as mp


def work(lock, counter, total, n):
    for _ in range(n):
        with lock:
            counter.value += 1
        with total.get_lock():
            total.value += 2


if __name__ == '__main__':
    lock = mp.Lock()
    counter = mp.Value('i', 0, lock=False)
    total = mp.Value('l', 0)
    procs = [mp.Process(target=work, args=(lock, counter, total, 300)) for _ in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print(counter.value, total.value, [p.exitcode for p in procs])
    print(type(counter).__name__, type(total).__name__, lock)
