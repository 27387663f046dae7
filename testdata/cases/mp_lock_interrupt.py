# pypool: interrupt-on waiting
# Ctrl-C interrupts a blocked Lock.acquire and Event.wait.
import multiprocessing as mp

if __name__ == '__main__':
    lock = mp.Lock()
    lock.acquire()
    print('waiting', flush=True)
    try:
        lock.acquire()
    except KeyboardInterrupt:
        print('interrupted acquire', lock)
    lock.release()
    print('released', lock)
