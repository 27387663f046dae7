# The seed's Pool snippets have no main guard: module-level code, globals reached by the task.
from multiprocessing import Pool

BASE = 1000

def task(i):
    return BASE + i

p = Pool(3)
print(p.map(task, range(5)))
print(p.apply(task, (9,)))
p.close()
p.join()
print('joined')
