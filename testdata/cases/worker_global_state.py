# A worker keeps its own __main__ globals between tasks (as under fork); the parent's stay unchanged.
from multiprocessing import Pool

calls = 0

def bump(x):
    global calls
    calls += 1
    return calls

if __name__ == '__main__':
    with Pool(1) as p:
        print(p.map(bump, range(4), chunksize=1))
        print([p.apply(bump, (i,)) for i in range(2)])
    print('parent calls', calls)
