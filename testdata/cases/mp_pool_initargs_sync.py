# A Value, a Lock and an Array reach Pool workers through initargs.
import multiprocessing as mp


def init(v, l, a):
    global V, L, A
    V, L, A = v, l, a


def task(x):
    with L:
        V.value += x
    with A.get_lock():
        A[x % 3] += 1
    return x * x


if __name__ == '__main__':
    v = mp.Value('i', 0)
    l = mp.Lock()
    a = mp.Array('i', 3)
    with mp.Pool(2, initializer=init, initargs=(v, l, a)) as pool:
        print(sum(pool.map(task, range(20))))
    print(v.value, a[:], sum(a[:]))
