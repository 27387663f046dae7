# ProcessPoolExecutor(initializer=..., initargs=..., max_tasks_per_child=...).
import os
from concurrent.futures import ProcessPoolExecutor

state = {}

def init(name):
    state['name'] = name

def get(x):
    return state.get('name'), x, os.getpid()

if __name__ == '__main__':
    with ProcessPoolExecutor(2, initializer=init, initargs=('ready',)) as ex:
        print([r[:2] for r in ex.map(get, range(3))])
    with ProcessPoolExecutor(1, max_tasks_per_child=1) as ex:
        pids = [ex.submit(get, i).result()[2] for i in range(3)]
    print(len(set(pids)))
