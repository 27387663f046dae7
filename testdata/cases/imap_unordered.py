# imap_unordered yields every result once, in completion order.
from multiprocessing import Pool

def neg(x):
    return -x

if __name__ == '__main__':
    with Pool(3) as p:
        got = list(p.imap_unordered(neg, range(10)))
        print(len(got), sorted(got))
        print(sorted(p.imap_unordered(neg, range(20), chunksize=4)))
