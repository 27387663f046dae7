# Threads that all wait on one Barrier run at the same time; a Barrier too large times out.
import threading

b = threading.Barrier(3)
out = []
lock = threading.Lock()

def worker(i):
    b.wait(timeout=20)
    with lock:
        out.append(i)

ts = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(out))

b2 = threading.Barrier(2)
try:
    b2.wait(timeout=0.1)
except threading.BrokenBarrierError:
    print('BrokenBarrierError', b2.broken)
