# apply_async(error_callback=...) receives the exception raised in the worker.
from multiprocessing import Pool

def check(x):
    if x % 2:
        raise ValueError(f'odd: {x}')
    return x

errors = []
oks = []

if __name__ == '__main__':
    with Pool(2) as p:
        rs = [p.apply_async(check, (i,), callback=oks.append, error_callback=errors.append) for i in range(5)]
        for r in rs:
            r.wait()
        print(sorted(oks))
        print(sorted((type(e).__name__, e.args) for e in errors))
        print([r.successful() for r in rs])
