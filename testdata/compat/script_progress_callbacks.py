# Progress reporting from apply_async callbacks, then a summary with percentages.
from multiprocessing import Pool

done = []

def work(i):
    return i, i ** 3 % 17

def on_result(r):
    done.append(r)

if __name__ == '__main__':
    total = 12
    with Pool(3) as p:
        handles = [p.apply_async(work, (i,), callback=on_result) for i in range(total)]
        for h in handles:
            h.wait()
        p.close()
        p.join()
    print(f'completed {len(done)}/{total} ({len(done) / total:.0%})')
    values = dict(sorted(done))
    print(values)
    print('max at', max(values, key=values.get))
