# Bucket numbers by their digit sum with a process pool, using defaultdict and sorted dict output.
from collections import defaultdict
from multiprocessing import Pool

def digit_sum(n):
    return n, sum(int(d) for d in str(n))

if __name__ == '__main__':
    buckets = defaultdict(list)
    with Pool(3) as p:
        for n, s in p.imap(digit_sum, range(1, 40), chunksize=5):
            buckets[s].append(n)
    for s in sorted(buckets):
        print(f'{s:2d}: {buckets[s]}')
