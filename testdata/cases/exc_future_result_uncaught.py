# An uncaught exception re-raised by future.result(): exit 1, last stderr line is the exception.
from concurrent.futures import ProcessPoolExecutor

def fail(x):
    raise KeyError(x)

if __name__ == '__main__':
    with ProcessPoolExecutor(2) as ex:
        f = ex.submit(fail, 'missing')
        print('submitted')
        f.result()
