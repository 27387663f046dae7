# Reprs of Event and Barrier, writes through SharedMemory.buf and its slices, lock timeouts, sharedctypes errors.
import multiprocessing as mp
from multiprocessing import shared_memory
e=mp.Event(); print(e); e.set(); print(e); b=mp.Barrier(2); print(b); b.abort(); print(b)
if True:
    s = shared_memory.SharedMemory(create=True, size=4)
    s.buf[0] = 255
    print(s.buf[0], s.buf.tolist(), bytes(s.buf))
    mv = s.buf[1:3]
    mv[0] = 7
    print(bytes(s.buf))
del mv
s.close()
s.unlink()
l = mp.Lock()
print(l.acquire(True, 0.01), l.acquire(True, 0.01), l.acquire(timeout=-1))
try: mp.Semaphore(-1)
except OSError as e: print('OSError', e)
try: mp.Value('i', 1, 2)
except TypeError as e: print('TypeError', e)
a = mp.Array('i', 3)
a[:] = [4, 5, 6]
print(a[:], sum(a), 5 in a, a[::-1])
print(mp.Value('d', 1).value + 1, mp.Array('u', 'ab')[:] if False else '')
