import threading

# Lock and RLock
lk = threading.Lock()
print(lk.acquire(), lk.locked(), lk.acquire(False), lk.acquire(True, 0.01))
lk.release()
print(lk.locked())
try:
    lk.release()
except RuntimeError as e:
    print("RuntimeError", e)
with lk:
    print("in with", lk.locked())
print("after with", lk.locked())
r = threading.RLock()
with r:
    with r:
        print("reentrant ok")
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError", e)

# Event handshake between two threads
ready = threading.Event()
go = threading.Event()
log = []
def worker():
    ready.set()
    go.wait()
    log.append("worker saw go")
t = threading.Thread(target=worker)
t.start()
print("ready", ready.wait(5))
print("timeout", go.wait(0.01))
go.set()
t.join()
print(log, go.is_set(), t.is_alive())

# Condition: producer/consumer
cond = threading.Condition()
items = []
def consumer(n):
    got = []
    with cond:
        while len(got) < n:
            cond.wait_for(lambda: len(items) > 0)
            got.append(items[0])
            del items[0]
    print("consumer got", got)
c = threading.Thread(target=consumer, args=(3,))
c.start()
for i in range(3):
    with cond:
        items.append(i)
        cond.notify()
c.join()
try:
    cond.notify()
except RuntimeError as e:
    print("RuntimeError", e)

# Semaphore limits concurrency
sem = threading.BoundedSemaphore(2)
print(sem.acquire(), sem.acquire(), sem.acquire(False), sem.acquire(timeout=0.01))
sem.release(); sem.release()
try:
    sem.release()
except ValueError as e:
    print("ValueError", e)
try:
    threading.Semaphore(-1)
except ValueError as e:
    print("ValueError", e)

# Barrier: three threads meet; action runs once
b = threading.Barrier(3, action=lambda: print("all arrived"))
res = []
def meet(i):
    idx = b.wait()
    res.append(idx)
ts = [threading.Thread(target=meet, args=(i,)) for i in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(res), b.parties, b.n_waiting, b.broken)
b2 = threading.Barrier(2)
try:
    b2.wait(0.01)
except threading.BrokenBarrierError:
    print("broken", b2.broken)
b2.reset()
print("reset", b2.broken)
print(threading.active_count(), len(threading.enumerate()))
