# Find primes in ranges with a ProcessPoolExecutor and report per-chunk statistics.
from concurrent.futures import ProcessPoolExecutor, as_completed
import math

def is_prime(n):
    if n < 2:
        return False
    for d in range(2, int(math.isqrt(n)) + 1):
        if n % d == 0:
            return False
    return True

def primes_in(lo, hi):
    return [n for n in range(lo, hi) if is_prime(n)]

if __name__ == '__main__':
    chunks = [(i, i + 250) for i in range(0, 1000, 250)]
    results = {}
    with ProcessPoolExecutor(max_workers=3) as ex:
        futures = {ex.submit(primes_in, lo, hi): (lo, hi) for lo, hi in chunks}
        for fut in as_completed(futures):
            results[futures[fut]] = fut.result()
    for (lo, hi), ps in sorted(results.items()):
        print(f'[{lo:4d}, {hi:4d}): {len(ps):3d} primes, largest {ps[-1]}')
    print('total', sum(len(p) for p in results.values()))
