# Pool(initializer, initargs): a global set by the initializer is seen by later tasks in that worker.
from multiprocessing import Pool

prefix = None

def init(p):
    global prefix
    prefix = p

def label(x):
    return f'{prefix}-{x}'

if __name__ == '__main__':
    with Pool(2, initializer=init, initargs=('job',)) as p:
        print(p.map(label, range(4)))
    print('parent still has', prefix)
