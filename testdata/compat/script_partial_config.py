# functools.partial carries configuration into a process pool task.
import functools
from concurrent.futures import ProcessPoolExecutor

def render(template, sep, item):
    return template.format(*item, sep=sep)

if __name__ == '__main__':
    fmt = functools.partial(render, '{0}{sep}{1}', ' => ')
    pairs = [('a', 1), ('b', 2), ('c', 3)]
    with ProcessPoolExecutor(2) as ex:
        for line in ex.map(fmt, pairs):
            print(line)
