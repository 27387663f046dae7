# An exception raised by a task reaches the `for r in p.imap(...)` loop at its position.
from multiprocessing import Pool

def check(x):
    if x == 3:
        raise ValueError(f'bad item {x}')
    return x * 10

if __name__ == '__main__':
    with Pool(2) as p:
        got = []
        try:
            for r in p.imap(check, range(6)):
                got.append(r)
            print('loop ended without error')
        except ValueError as e:
            print('caught', e)
        print(got)
