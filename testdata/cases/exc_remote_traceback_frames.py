# The traceback text of an exception raised in a worker, as its RemoteTraceback cause holds it:
# the worker's own frames (the task's functions), chained exceptions (and no exception of an
# earlier task in the same worker as __context__), the exception line.
# CPython's library frames (multiprocessing/pool.py, concurrent/futures/process.py) and 3.11's
# ^^^ position lines are left out: pypool runs no such library code and prints no position lines.
from multiprocessing import Pool
from concurrent.futures import ProcessPoolExecutor

class Boom(Exception):
    pass

def parse(s):
    return int(s)

def task(s):
    total = 0
    for part in s.split(','):
        total += parse(part)
    return total

def chained(x):
    try:
        return {}[x]
    except KeyError as e:
        raise Boom('no key %r' % x) from e

def context(x):
    try:
        1 / x
    except ZeroDivisionError:
        raise Boom('while handling')

def nested(x):
    def inner(y):
        return [task(v) for v in y]
    return inner(x)

def gen_task(n):
    def g():
        yield 1
        raise Boom('in generator %d' % n)
    return sum(g())

def two(a, b):
    return a + b

def grid(t):
    tx, ty = t
    return [10 // (x - y) for y in range(ty, ty + 2) for x in range(tx, tx + 2)]

def worker_lines(text):
    out, keep = [], True
    for line in text.splitlines():
        if line.startswith('  File '):
            keep = 'multiprocessing' not in line and 'concurrent' not in line
        elif not line.startswith('    '):
            keep = True
        if keep and line.strip() and set(line.strip()) - set('^~'):
            out.append(line)
    return out

def show(what, call):
    try:
        call()
    except Exception as e:
        print(what, repr(e), type(e.__cause__).__name__)
        for line in worker_lines(str(e.__cause__)):
            print(' ', line)

if __name__ == '__main__':
    with Pool(2) as p:
        show('apply', lambda: p.apply(task, ('1,2,x',)))
        show('map', lambda: p.map(task, ['1', '2,y']))
        show('starmap', lambda: p.starmap(two, [(1, 2), (1, None)]))
        show('apply_async', lambda: p.apply_async(chained, ('k',)).get())
        show('imap', lambda: list(p.imap(context, [1, 0])))
        show('nested', lambda: p.apply(nested, (['3', '4,z'],)))
        show('generator', lambda: p.apply(gen_task, (5,)))
        show('comprehension', lambda: p.map(grid, [(0, 5), (1, 1)]))
    with ProcessPoolExecutor(2) as ex:
        show('submit', lambda: ex.submit(task, '7,q').result())
        show('executor map', lambda: list(ex.map(chained, ['a'])))
        show('executor context', lambda: ex.submit(context, 0).result())
