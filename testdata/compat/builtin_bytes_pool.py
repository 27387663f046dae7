from multiprocessing import Pool
from concurrent.futures import ThreadPoolExecutor

def first(b):
    return b[0], b[1:], b * 2, b'x' in b

if __name__ == '__main__':
    with Pool(2) as p:
        print(p.map(first, [b'abc', b'xyz', 'é'.encode()]))
    with ThreadPoolExecutor(2) as ex:
        print(list(ex.map(first, [b'abc'])))
    print(b'abc'.startswith(b'b', 1), b'abc'.endswith((b'q', b'bc'), 0, 3), b'abc'.startswith(b'a', 2, 1), b'abc'.endswith(b'', 5))
