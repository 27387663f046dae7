# A seeded Monte Carlo estimate split across a process pool (each task seeds its own generator).
import random
from multiprocessing import Pool

def simulate(seed):
    rng = random.Random(seed)
    inside = 0
    for _ in range(2000):
        x, y = rng.random(), rng.random()
        if x * x + y * y <= 1:
            inside += 1
    return inside

if __name__ == '__main__':
    with Pool(2) as p:
        counts = p.map(simulate, range(4))
    print(counts)
    print(f'pi ~ {4 * sum(counts) / (2000 * len(counts)):.4f}')
