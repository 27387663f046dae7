# Run tasks that may fail, then print a summary of exception types with counts.
from concurrent.futures import ProcessPoolExecutor
from collections import Counter

def risky(i):
    if i % 5 == 0:
        raise ZeroDivisionError('bad divisor')
    if i % 4 == 0:
        raise KeyError(i)
    return 100 // i

if __name__ == '__main__':
    errors = Counter()
    ok = []
    with ProcessPoolExecutor(2) as ex:
        futs = [ex.submit(risky, i) for i in range(1, 21)]
        for f in futs:
            e = f.exception()
            if e is None:
                ok.append(f.result())
            else:
                errors[type(e).__name__] += 1
    print(ok)
    print(dict(sorted(errors.items())))
