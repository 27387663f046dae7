# Functions of importable modules as pool tasks travel by reference.
import math
from multiprocessing import Pool

if __name__ == '__main__':
    with Pool(2) as p:
        print(p.map(math.sqrt, [4, 9, 16]))
        print(p.map(math.factorial, [3, 5]))
