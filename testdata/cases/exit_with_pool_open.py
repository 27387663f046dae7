# Worker output is not lost when the script ends with the Pool still open (terminated at exit).
# pypool: unordered
from multiprocessing import Pool

def task(i):
    print('task', i)
    return i

p = Pool(3)
res = [p.apply_async(task, (i,)) for i in range(6)]
print([r.get() for r in res])
