# imap and imap_unordered raise at a failing item and then go on with the
# later ones, as CPython's IMapIterator does.
from multiprocessing import Pool


def f(x):
    if x in (1, 3):
        raise ValueError('bad %d' % x)
    return x * 10


def drain(it, n):
    out = []
    for _ in range(n):
        try:
            out.append(next(it))
        except ValueError as e:
            out.append('ValueError: %s' % e)
    try:
        next(it)
    except StopIteration:
        out.append('StopIteration')
    return out


if __name__ == '__main__':
    with Pool(2) as p:
        print(drain(p.imap(f, range(6)), 6))
        print(drain(p.imap(f, range(6), chunksize=1), 6))
        print(sorted(map(str, drain(p.imap_unordered(f, range(6)), 6))))
