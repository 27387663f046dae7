# apply_async(callback=...) runs the callback in the parent process, once per task.
from multiprocessing import Pool, current_process

results = []

def square(x):
    return x * x

def collect(r):
    results.append((r, current_process().name))

if __name__ == '__main__':
    p = Pool(3)
    for i in range(6):
        p.apply_async(square, (i,), callback=collect)
    p.close()
    p.join()
    print(sorted(results))
