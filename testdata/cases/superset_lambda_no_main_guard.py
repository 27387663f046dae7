# pypool: superset
# No main guard, a lambda and a nested function reaching a module global, sent to a Pool.
from multiprocessing import Pool

FACTOR = 5

def build():
    def mul(x):
        return x * FACTOR
    return mul

p = Pool(2)
print(p.map(build(), [1, 2, 3]))
print(sorted(p.imap_unordered(lambda s: s.upper(), ['a', 'b'])))
p.close()
p.join()
