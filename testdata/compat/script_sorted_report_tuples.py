# Rank workers' scores, with ties broken by name, using tuple keys and formatted table output.
from multiprocessing import Pool

SCORES = {'ann': [3, 9, 4], 'bob': [8, 8], 'cy': [10, 6], 'dee': [2, 2, 2, 2, 8]}

def score(item):
    name, xs = item
    return (-sum(xs), name, len(xs))

if __name__ == '__main__':
    with Pool(2) as p:
        ranked = sorted(p.map(score, SCORES.items()))
    print(f"{'rank':<5}{'name':<6}{'total':>6}{'n':>3}")
    for rank, (neg, name, n) in enumerate(ranked, 1):
        print(f'{rank:<5}{name:<6}{-neg:>6}{n:>3}')
