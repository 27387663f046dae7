# `with Pool() as p` terminates the pool on exit; using it afterwards raises ValueError.
from multiprocessing import Pool

def double(x):
    return 2 * x

if __name__ == '__main__':
    with Pool() as p:
        print(p.map(double, range(5)))
    try:
        p.apply(double, (1,))
    except ValueError as e:
        print('ValueError:', e)
    p2 = Pool(2)
    p2.close()
    try:
        p2.map(double, [1])
    except ValueError as e:
        print('ValueError:', e)
    p2.join()
