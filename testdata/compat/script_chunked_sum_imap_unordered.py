# Sum squares over chunks with imap_unordered; the total does not depend on order.
from multiprocessing import Pool

def chunk_sum(bounds):
    lo, hi = bounds
    return sum(i * i for i in range(lo, hi))

if __name__ == '__main__':
    bounds = [(i, min(i + 1000, 10_000)) for i in range(0, 10_000, 1000)]
    with Pool(3) as p:
        parts = list(p.imap_unordered(chunk_sum, bounds))
    print(len(parts), sum(parts), sum(i * i for i in range(10_000)))
