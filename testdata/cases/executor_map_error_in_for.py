# An exception from a task reaches the `for x in ex.map(...)` loop at its position.
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

def check(x):
    if x == 2:
        raise ValueError(f'bad item {x}')
    return x + 1

if __name__ == '__main__':
    for cls in (ThreadPoolExecutor, ProcessPoolExecutor):
        with cls(2) as ex:
            got = []
            try:
                for r in ex.map(check, range(5)):
                    got.append(r)
                print('loop ended without error')
            except ValueError as e:
                print(cls.__name__, 'caught', e)
            print(got)
