# pypool: superset
# A closure over a local variable and a nested function, sent to a process pool (CPython: pickling error).
from concurrent.futures import ProcessPoolExecutor

def make_scaler(k):
    def scale(x):
        return x * k
    return scale

def outer():
    offset = 7
    def add(x):
        return helper(x) + offset
    return add

def helper(x):
    return x * 100

if __name__ == '__main__':
    triple = make_scaler(3)
    double = make_scaler(2)
    with ProcessPoolExecutor(2) as ex:
        print(list(ex.map(triple, [1, 2, 3])))
        print(list(ex.map(double, [1, 2, 3])))
        print(ex.submit(outer(), 1).result())
