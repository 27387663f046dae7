# Workers never re-run the main script: top-level prints appear once, with or without a main guard.
from multiprocessing import Pool
from concurrent.futures import ProcessPoolExecutor

print('top level runs once')

def inc(x):
    return x + 1

p = Pool(2)
print(p.map(inc, range(4)))
p.close()
p.join()
with ProcessPoolExecutor(2) as ex:
    print(list(ex.map(inc, range(3))))
print('end of script')
