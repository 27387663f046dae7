# starmap / starmap_async unpack argument tuples; builtins travel by reference.
from multiprocessing import Pool

def area(w, h):
    return w * h

if __name__ == '__main__':
    with Pool(2) as p:
        print(p.starmap(area, [(1, 2), (3, 4), (5, 6)]))
        print(p.starmap(pow, [(2, 10), (3, 3)]))
        r = p.starmap_async(area, [(2, 2), (7, 3)])
        print(r.get(timeout=30), r.ready(), r.successful())
