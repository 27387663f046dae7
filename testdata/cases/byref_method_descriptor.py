# Unbound methods of builtin types (str.upper, list.count) as pool tasks.
from multiprocessing import Pool

if __name__ == '__main__':
    with Pool(2) as p:
        print(p.map(str.upper, ['a', 'b']))
        print(p.starmap(str.replace, [('aXa', 'X', '-')]))
