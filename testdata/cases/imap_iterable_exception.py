# An exception raised by imap's input iterable is raised by the iterator at
# that position (CPython's test_imap_handle_iterable_exception), and the
# input is read lazily: a generator sees its items taken as the pool runs.
from multiprocessing import Pool


class SayWhenError(ValueError):
    pass


def exception_throwing_generator(total, when):
    for i in range(total):
        if i == when:
            raise SayWhenError("Somebody said when")
        yield i


def sqr(x):
    return x * x


def drain(it, n):
    out = []
    for _ in range(n):
        out.append(next(it))
    try:
        next(it)
    except SayWhenError as e:
        out.append('SayWhenError: %s' % e)
    return out


if __name__ == '__main__':
    with Pool(2) as p:
        print(drain(p.imap(sqr, exception_throwing_generator(10, 3), 1), 3))
        print(drain(p.imap(sqr, exception_throwing_generator(20, 7), 2), 6))
        print(drain(p.imap(sqr, exception_throwing_generator(4, 3), 1), 3))
        it = p.imap_unordered(sqr, exception_throwing_generator(10, 3), 1)
        got = []
        try:
            for x in it:
                got.append(x)
        except SayWhenError as e:
            print('unordered:', sorted(got), 'SayWhenError:', e)
        print(sum(p.imap_unordered(sqr, range(100000), chunksize=1000)))
        print(sum(p.imap(sqr, (i for i in range(20000)), chunksize=100)))
