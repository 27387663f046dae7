# Lines printed by many workers at the same time never merge or tear.
# pypool: unordered
from multiprocessing import Pool

def shout(i):
    for j in range(20):
        print(f'worker line {i:02d}-{j:02d} ' + 'x' * 200)
    return i

if __name__ == '__main__':
    with Pool(4) as p:
        p.map(shout, range(8))
    print('end')
