# The errors and reprs of multiprocessing's locks: releasing too often,
# another process's RLock, a broken Barrier.
import multiprocessing as mp
import threading
import time


def hold(rl, lock, ev):
    rl.acquire()
    lock.acquire()
    ev.set()
    time.sleep(0.5)


if __name__ == '__main__':
    print(mp.Lock(), mp.RLock(), mp.Semaphore(2), mp.BoundedSemaphore(), mp.Condition(mp.Lock()))
    for make in (mp.Lock, mp.BoundedSemaphore):
        l = make()
        try:
            l.release()
        except ValueError as e:
            print(type(l).__name__, 'ValueError', e)
    s = mp.Semaphore(0)
    s.release()
    print('semaphore', s.get_value(), s.acquire(), s.acquire(False), s.acquire(timeout=0.01))
    rl = mp.RLock()
    with rl:
        with rl:
            print(rl)
    try:
        rl.release()
    except AssertionError as e:
        print('AssertionError', e)
    lock, ev = mp.Lock(), mp.Event()
    p = mp.Process(target=hold, args=(rl, lock, ev))
    p.start()
    ev.wait()
    print(rl, lock)
    try:
        rl.release()
    except AssertionError as e:
        print('AssertionError', e)
    print('acquire held:', rl.acquire(timeout=0.05), lock.acquire(block=False))
    p.join()
    b = mp.Barrier(2, timeout=0.1)
    try:
        b.wait()
    except threading.BrokenBarrierError as e:
        print('BrokenBarrierError', repr(e), b.broken)
    b.reset()
    print('reset', b.broken)
    b.abort()
    try:
        b.wait()
    except threading.BrokenBarrierError:
        print('aborted', b.broken)
    c = mp.Condition()
    try:
        c.wait()
    except AssertionError as e:
        print('AssertionError', e)
    try:
        c.notify()
    except AssertionError as e:
        print('AssertionError', e)
