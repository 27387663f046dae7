# Checks after CPython's _test_multiprocessing classes _TestLock,
# _TestSemaphore, _TestCondition, _TestEvent, _TestValue, _TestArray and
# _TestBarrier (rewritten as prints), across child Processes.
import multiprocessing as mp
import time


def notifier_child(cond, sleeping, woken):
    with cond:
        sleeping.release()
        cond.wait()
        woken.release()


def array_child(seq):
    for i in range(1, len(seq)):
        seq[i] += seq[i - 1]


def value_child(values):
    values[0].value = -99


def barrier_child(bar, results):
    i = bar.wait()
    with results.get_lock():
        results[i] = 1


if __name__ == '__main__':
    # lock
    lock = mp.Lock()
    print(lock.acquire(), lock.acquire(False), lock.release(), end=' ')
    try:
        lock.release()
    except (ValueError, mp.ProcessError) as e:
        print(type(e).__name__)
    rlock = mp.RLock()
    print(rlock.acquire(), rlock.acquire(), rlock.acquire(), rlock.release(), rlock.release(), rlock.release())
    # semaphore
    sem = mp.Semaphore(2)
    print(sem.acquire(), sem.get_value(), sem.acquire(), sem.get_value(), sem.acquire(False), sem.get_value())
    print(sem.release(), sem.get_value(), sem.release(), sem.get_value())
    start = time.monotonic()
    sem = mp.Semaphore(0)
    print('timed out:', sem.acquire(timeout=0.2), 0.15 < time.monotonic() - start < 5)
    bsem = mp.BoundedSemaphore(2)
    bsem.acquire()
    bsem.release()
    try:
        bsem.release()
    except ValueError as e:
        print('bounded:', e)
    # condition: notify, notify_all across processes
    cond = mp.Condition()
    sleeping, woken = mp.Semaphore(0), mp.Semaphore(0)
    procs = [mp.Process(target=notifier_child, args=(cond, sleeping, woken)) for _ in range(3)]
    for p in procs:
        p.start()
    for _ in range(3):
        sleeping.acquire()
    time.sleep(0.2)
    with cond:
        cond.notify()
    print('woken after notify:', woken.acquire(timeout=5), woken.acquire(timeout=0.2))
    with cond:
        cond.notify_all()
    print('woken after notify_all:', woken.acquire(timeout=5), woken.acquire(timeout=5), woken.acquire(timeout=0.2))
    for p in procs:
        p.join()
    # event
    ev = mp.Event()
    print('event:', ev.is_set(), ev.wait(0.0), ev.wait(0.1))
    ev.set()
    print('event:', ev.is_set(), ev.wait(), ev.wait(0.0))
    # values
    codes = [('i', 5, -4), ('h', -2, 7), ('d', 1.25, -3.5), ('c', b'x', b'y'), ('q', 2 ** 40, -(2 ** 41))]
    values = [mp.Value(c, v) for c, v, _ in codes]
    p = mp.Process(target=value_child, args=(values,))
    p.start()
    p.join()
    print('values:', [v.value for v in values])
    raw = mp.RawValue('i', 5)
    print(hasattr(raw, 'get_lock'), hasattr(mp.Value('i', lock=False), 'get_lock'))
    v = mp.Value('i', 2, lock=mp.RLock())
    print('getobj/getlock:', type(v.get_obj()).__name__, type(v.get_lock()).__name__)
    # arrays
    seq = [680, 626, 934, 821, 150, 233, 548, 982, 714, 831]
    arr = mp.Array('i', seq)
    print(len(arr), arr[3], list(arr[2:7]))
    arr[2:7] = [1, 2, 3, 4, 5]
    print(list(arr))
    p = mp.Process(target=array_child, args=(arr,))
    p.start()
    p.join()
    print('prefix sums:', list(arr))
    empty = mp.Array('i', 0)
    print(len(empty), list(empty))
    rarr = mp.RawArray('i', 4)
    print(list(rarr), mp.Array('i', range(4), lock=False)[:])
    # barrier
    results = mp.Array('i', 4)
    bar = mp.Barrier(4)
    procs = [mp.Process(target=barrier_child, args=(bar, results)) for _ in range(3)]
    for p in procs:
        p.start()
    i = bar.wait()
    for p in procs:
        p.join()
    with results.get_lock():
        results[i] = 1
    print('barrier indices:', sorted(results[:]), bar.n_waiting, bar.broken)
