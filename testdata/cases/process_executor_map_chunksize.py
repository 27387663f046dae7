# ProcessPoolExecutor.map with chunksize: results in order, a chunk's error
# raised where the iteration reaches it (after the earlier chunks' results).
from concurrent.futures import ProcessPoolExecutor
import os


def sq(x):
    return x * x


def add(a, b):
    return a + b


def inv(x):
    return 1 // x


def pid_of(x):
    return os.getpid()


if __name__ == '__main__':
    with ProcessPoolExecutor(2) as ex:
        print(list(ex.map(sq, range(10), chunksize=3)))
        print(list(ex.map(add, [1, 2, 3], [10, 20, 30, 40], chunksize=2)))
        print(list(ex.map(sq, [], chunksize=4)), list(ex.map(str, [1.5, None, "x"], chunksize=2)))
        got = []
        try:
            for v in ex.map(inv, [1, 2, 0, 4, 5], chunksize=2):
                got.append(v)
        except ZeroDivisionError as e:
            print("raised after", got, type(e).__name__, e)
        pids = set(ex.map(pid_of, range(40), chunksize=20))
        print(len(pids) <= 2)
        try:
            ex.map(sq, range(3), chunksize=0)
        except ValueError as e:
            print("ValueError", e)
    try:
        ex.map(sq, range(3), chunksize=2)
    except RuntimeError as e:
        print("RuntimeError", e)
