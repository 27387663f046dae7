# `import concurrent.futures as cf` and `import concurrent.futures` work as in CPython.
import concurrent.futures as cf
import concurrent.futures
import multiprocessing.pool

def sq(x):
    return x * x

if __name__ == '__main__':
    with cf.ProcessPoolExecutor(2) as ex:
        print(sorted(f.result() for f in cf.as_completed([ex.submit(sq, i) for i in range(4)])))
    with concurrent.futures.ThreadPoolExecutor(2) as ex:
        done, _ = concurrent.futures.wait([ex.submit(sq, 5)], return_when=cf.ALL_COMPLETED)
        print([f.result() for f in done])
    print(cf.Future, cf.TimeoutError is TimeoutError)
    print(multiprocessing.pool.ThreadPool.__name__)
