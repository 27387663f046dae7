# imap yields results in input order; map with chunksize; imap with chunksize.
from multiprocessing import Pool

def cube(x):
    return x ** 3

if __name__ == '__main__':
    with Pool(3) as p:
        for r in p.imap(cube, range(6)):
            print(r)
        print(list(p.imap(cube, range(10), chunksize=3)))
        print(sum(p.map(cube, range(100), chunksize=7)))
        print(p.map(cube, []))
