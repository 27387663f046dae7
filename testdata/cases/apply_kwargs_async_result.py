# apply/apply_async with kwds; AsyncResult ready/successful/wait; map_async with a callback.
import time
from multiprocessing import Pool

def fmt(a, b=0, *, sep='-'):
    return f'{a}{sep}{b}'

def slow(x):
    time.sleep(1.5)
    return x

if __name__ == '__main__':
    with Pool(2) as p:
        print(p.apply(fmt, (1,), {'b': 2, 'sep': '+'}))
        r = p.apply_async(fmt, args=(3,), kwds={'sep': ':'})
        r.wait()
        print(r.ready(), r.successful(), r.get())
        got = []
        m = p.map_async(slow, [1, 2, 3], callback=got.append)
        m.wait(30)
        print(m.get(), got)
        r = p.apply_async(slow, (1,))
        try:
            r.successful()
        except ValueError as e:
            print('ValueError', 'not ready' in str(e))
        print(r.get(30))
