from multiprocessing import Pool, TimeoutError, current_process, cpu_count, get_start_method
import multiprocessing
import time

def square(x):
    return x * x

def add(a, b):
    return a + b

def fail(x):
    raise ValueError("bad %d" % x)

def who(_):
    return "PoolWorker-" in current_process().name

def slow(x):
    time.sleep(x)
    return x

if __name__ == '__main__':
    print(current_process().name, cpu_count() >= 1)
    for bad in [0, -1]:
        try:
            Pool(bad)
        except ValueError as e:
            print("ValueError", e)
    with Pool(2) as p:
        print(p.apply(square, (7,)))
        print(p.apply(add, (1,), {"b": 2}))
        print(p.map(square, range(6)))
        print(p.starmap(add, [(1, 2), (3, 4)]))
        print(all(p.map(who, range(4))))
        got = []
        r = p.apply_async(square, (5,), callback=got.append)
        print(r.get(timeout=30), r.ready(), r.successful())
        r.wait()
        print(got)
        errs = []
        r = p.apply_async(fail, (4,), error_callback=lambda e: errs.append(str(e)))
        try:
            r.get()
        except ValueError as e:
            print("caught", e)
        print(errs, r.successful())
        r = p.map_async(square, [1, 2, 3], callback=got.append)
        print(r.get())
        print(got)
        print(list(p.imap(square, range(5))))
        print(sorted(p.imap_unordered(square, range(5), chunksize=2)))
        it = p.imap(square, [3, 4])
        print(it.next(), it.next(timeout=30))
        try:
            it.next()
        except StopIteration:
            print("StopIteration")
        r = p.apply_async(slow, (1,))
        try:
            r.get(timeout=0.01)
        except TimeoutError:
            print("multiprocessing TimeoutError", isinstance(TimeoutError(), multiprocessing.ProcessError))
        try:
            r.successful()
        except ValueError:
            print("not ready")
        try:
            p.map(fail, [1, 2])
        except ValueError as e:
            print("map caught", e)
    p = Pool(2)
    try:
        p.join()
    except ValueError as e:
        print("ValueError", e)
    p.close()
    try:
        p.apply(square, (1,))
    except ValueError as e:
        print("ValueError", e)
    p.join()
    print("joined")
