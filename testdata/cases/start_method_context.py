# get_context / set_start_method / mp_context= / freeze_support are accepted and pools work through them.
import multiprocessing
from concurrent.futures import ProcessPoolExecutor

def square(x):
    return x * x

if __name__ == '__main__':
    multiprocessing.freeze_support()
    ctx = multiprocessing.get_context('spawn')
    with ctx.Pool(2) as p:
        print(p.map(square, range(4)))
    with ProcessPoolExecutor(2, mp_context=ctx) as ex:
        print(list(ex.map(square, [5, 6])))
    print(multiprocessing.get_start_method() in ('fork', 'spawn', 'forkserver'), multiprocessing.cpu_count() >= 1)
