from multiprocessing import Pool

from fastmath import fib, fib_all

with Pool(2) as p:
    print(p.map(fib, range(10)))
    print(p.apply(fib_all, ([10, 20],)))
    print(p.apply_async(fib, (25,)).get(timeout=10))
    print(sorted(p.imap_unordered(fib, [3, 4, 5])))
    print(p.starmap(fib, [(6,), (7,)]))
    try:
        p.apply(fib, (-1,))
    except ValueError as e:
        print("ValueError:", e)
