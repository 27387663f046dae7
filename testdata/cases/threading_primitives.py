# Lock, RLock, Event, Condition, Semaphore between threads.
import threading

counter = 0
lock = threading.Lock()

def inc(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1

ts = [threading.Thread(target=inc, args=(1000,)) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print('counter', counter)

r = threading.RLock()
with r:
    with r:
        print('rlock reentered')

ev = threading.Event()
print('event', ev.is_set(), ev.wait(0.01))
setter = threading.Thread(target=ev.set)
setter.start()
print('event', ev.wait(10), ev.is_set())

cond = threading.Condition()
items = []

def producer():
    with cond:
        items.append('item')
        cond.notify()

with cond:
    prod = threading.Thread(target=producer)
    prod.start()
    print('condition', cond.wait_for(lambda: items, timeout=10), items)

sem = threading.Semaphore(2)
print('semaphore', sem.acquire(), sem.acquire(), sem.acquire(timeout=0.01))
sem.release()
print('lock', lock.acquire(), lock.locked(), lock.acquire(blocking=False))
lock.release()
setter.join()
prod.join()
print(threading.active_count(), threading.main_thread().name, threading.current_thread() is threading.main_thread())
print(isinstance(threading.get_ident(), int))
