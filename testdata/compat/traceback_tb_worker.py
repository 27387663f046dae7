# Pool and ProcessPoolExecutor tasks that format their own caught
# exceptions' tracebacks with traceback.format_tb / extract_tb.
import traceback
from multiprocessing import Pool
from concurrent.futures import ProcessPoolExecutor


def check(x):
    if x % 2:
        raise ValueError("odd %d" % x)
    return x


def task(x):
    try:
        check(x)
    except ValueError as e:
        entries = traceback.extract_tb(e.__traceback__)
        text = "".join(traceback.format_tb(e.__traceback__))
        return [(fs.name, fs.lineno, fs.line) for fs in entries], text.count("File"), text.splitlines()[-1]
    return x


if __name__ == '__main__':
    with Pool(2) as p:
        for r in p.map(task, range(4)):
            print(r)
    with ProcessPoolExecutor(2) as ex:
        for r in ex.map(task, [5, 6]):
            print(r)
        try:
            ex.submit(check, 9).result()
        except ValueError as e:
            print("caller got", repr(e))
