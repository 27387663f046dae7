# Values that cross the process boundary keep their types and contents.
from concurrent.futures import ProcessPoolExecutor

def echo(x):
    return x

def describe(x):
    return type(x).__name__

values = [
    None, True, False, 0, -7, 2 ** 100, -(3 ** 70), 1.5, float('inf'), -0.0, 3 + 4j,
    'text', 'mixed ünïcode 进程', b'\x00\xffbytes', [1, [2, [3]]], (1,), (), ('a', 2.0),
    {'k': 1, 2: 'two', (3, 4): [5]}, {1, 2, 3}, frozenset({'x'}), [], {}, set(),
]

if __name__ == '__main__':
    with ProcessPoolExecutor(2) as ex:
        back = list(ex.map(echo, values))
        print(back == values)
        for v, b in zip(values, back):
            print(repr(b), type(b).__name__)
        print(list(ex.map(describe, values)))
