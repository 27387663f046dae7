# MapResult.get() returns the same list each time, as CPython's.
from multiprocessing import Pool
def sq(x):
    return x * x
if __name__ == '__main__':
    with Pool(2) as p:
        r = p.map_async(sq, range(10))
        a = r.get(); b = r.get()
        print(a, a is b)
        r2 = p.map_async(sq, [1, 2, 3])
        print(r2.get(5), r2.get() is r2.get())
        print(p.map(sq, []), p.map(sq, range(0)))
        r3 = p.map_async(sq, range(5), chunksize=2)
