# SharedMemory written by a child and read by the parent; ShareableList
# passed to a child; the errors of shared_memory.
import multiprocessing as mp
from multiprocessing import shared_memory


def writer(name, data):
    shm = shared_memory.SharedMemory(name=name)
    shm.buf[:len(data)] = data
    shm.close()


def list_child(sl):
    sl[0] = sl[0] * 10
    sl[2] = 'yo'


if __name__ == '__main__':
    shm = shared_memory.SharedMemory(create=True, size=32)
    p = mp.Process(target=writer, args=(shm.name, b'written by child'))
    p.start()
    p.join()
    print(bytes(shm.buf[:16]), shm.size, len(shm.buf), shm.buf[0], shm.buf.readonly)
    shm2 = shared_memory.SharedMemory(shm.name)
    print(shm2.name == shm.name, bytes(shm2.buf[8:16]))
    shm2.close()
    sl = shared_memory.ShareableList([4, 2.5, 'hi', b'x', None, True])
    p = mp.Process(target=list_child, args=(sl,))
    p.start()
    p.join()
    print(list(sl), sl[2], len(sl), sl.format, sl.count(True), sl.index('yo'))
    try:
        sl[2] = 'much too long for the slot'
    except ValueError as e:
        print('ValueError', e)
    name = shm.name
    shm.close()
    print(shm.buf)
    shm.unlink()
    sl.shm.close()
    sl.shm.unlink()
    for args, kw in (((name,), {}), ((), {'create': True, 'size': 0}), ((), {}), ((), {'create': True, 'size': -1})):
        try:
            shared_memory.SharedMemory(*args, **kw)
        except (FileNotFoundError, ValueError) as e:
            print(type(e).__name__, str(e).replace(name, 'NAME'))
