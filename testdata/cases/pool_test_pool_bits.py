# Bits of CPython's _TestPool that scripts and tests rely on: entering a
# terminated pool, the pool state names, range objects as arguments and
# results, and the remote traceback as the cause (RemoteTraceback, .tb).
import multiprocessing.pool
from multiprocessing import Pool


def exception_throwing_func():
    raise RuntimeError(123)  # some comment


def make_range(n):
    return range(n, 2 * n, 2)


if __name__ == '__main__':
    p = Pool(2)
    p.terminate()
    p.join()
    try:
        with p:
            pass
    except ValueError as e:
        print('enter terminated:', e)
    print(multiprocessing.pool.RUN, multiprocessing.pool.CLOSE, multiprocessing.pool.TERMINATE)
    with Pool(1) as p:
        print(p.apply(len, (range(10),)), p.apply(sum, (range(0, 100, 7),)))
        r = p.apply(make_range, (5,))
        print(r, list(r))
        try:
            p.apply(exception_throwing_func)
        except Exception as e:
            exc = e
    p.join()
    print(type(exc).__name__, exc.args)
    cause = exc.__cause__
    print(type(cause) is multiprocessing.pool.RemoteTraceback)
    print('raise RuntimeError(123) # some comment' in cause.tb, cause.tb == str(cause))
