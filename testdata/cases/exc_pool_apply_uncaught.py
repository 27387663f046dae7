# An uncaught exception from a pool task: traceback on stderr, last line "ValueError: boom", exit 1.
from multiprocessing import Pool

def fail(x):
    raise ValueError('boom')

if __name__ == '__main__':
    p = Pool(2)
    print('before')
    p.apply(fail, (1,))
    print('not reached')
