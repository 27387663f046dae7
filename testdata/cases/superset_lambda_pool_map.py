# pypool: superset
# CPython cannot pickle a lambda for a process pool (PicklingError); pypool sends it by value.
from multiprocessing import Pool

if __name__ == '__main__':
    with Pool(3) as p:
        print(p.map(lambda x: x * 2, range(6)))
        print(p.apply(lambda a, b=10: a + b, (5,)))
