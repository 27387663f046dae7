# as_completed yields every future once, as each finishes.
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor, as_completed

def square(x):
    return x * x

if __name__ == '__main__':
    with ProcessPoolExecutor(3) as ex:
        fs = {ex.submit(square, i): i for i in range(8)}
        got = []
        for f in as_completed(fs):
            got.append((fs[f], f.result()))
        print(sorted(got))
    with ThreadPoolExecutor(2) as ex:
        fs = [ex.submit(square, i) for i in range(5)]
        print(sorted(f.result() for f in as_completed(fs)))
