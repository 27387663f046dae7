# Results carried as instances of a __main__ class, summarised with sorted and f-strings.
from concurrent.futures import ProcessPoolExecutor

class Stat:
    def __init__(self, name, mean, spread):
        self.name = name
        self.mean = mean
        self.spread = spread

    def __repr__(self):
        return f'Stat({self.name!r}, mean={self.mean:.2f}, spread={self.spread})'

def summarise(item):
    name, values = item
    return Stat(name, sum(values) / len(values), max(values) - min(values))

if __name__ == '__main__':
    data = {'alpha': [1, 2, 3, 4], 'beta': [10, 10, 11], 'gamma': [5, 1, 9, 2, 8]}
    with ProcessPoolExecutor(2) as ex:
        stats = list(ex.map(summarise, sorted(data.items())))
    for s in sorted(stats, key=lambda s: s.mean, reverse=True):
        print(s)
