# Values nested 300 deep travel to a worker and back, as CPython's pickle
# carries them; nesting past the recursion limit fails with RecursionError.
from multiprocessing import Pool


def depth(x):
    n = 0
    while x:
        x = x[0]
        n += 1
    return n


def echo(x):
    return x


def nest(n):
    x = []
    for _ in range(n):
        x = [x]
    return x


if __name__ == '__main__':
    with Pool(2) as p:
        print(p.apply(depth, (nest(300),)))
        print(depth(p.apply(echo, (nest(300),))))
        try:
            p.apply(depth, (nest(1200),))
        except RecursionError as e:
            print('RecursionError:', e)
