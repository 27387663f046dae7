# Event, Condition and Barrier shared with child Processes.
import multiprocessing as mp
import time


def child(ev, cond, bar, shared):
    ev.wait()
    with cond:
        shared.value += 10
        cond.notify_all()
    bar.wait()


if __name__ == '__main__':
    ev = mp.Event()
    cond = mp.Condition()
    bar = mp.Barrier(3)
    shared = mp.Value('i', 0)
    procs = [mp.Process(target=child, args=(ev, cond, bar, shared)) for _ in range(2)]
    for p in procs:
        p.start()
    time.sleep(0.1)
    print('event set before:', ev.is_set(), ev.wait(0.01))
    ev.set()
    with cond:
        print('wait_for:', cond.wait_for(lambda: shared.value == 20, timeout=10), shared.value)
    print('barrier index ok:', bar.wait(timeout=10) in (0, 1, 2), bar.parties, bar.n_waiting, bar.broken)
    for p in procs:
        p.join()
    print('exit codes:', [p.exitcode for p in procs])
    with cond:
        print('timed out wait:', cond.wait(0.05))
    print(cond)
    ev.clear()
    print('cleared:', ev.is_set())
