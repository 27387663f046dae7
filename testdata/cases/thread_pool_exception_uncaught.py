# ThreadPoolExecutor: an uncaught exception from result() inside the with block; exit 1.
from concurrent.futures import ThreadPoolExecutor

def parse(s):
    return int(s)

with ThreadPoolExecutor(2) as ex:
    print(ex.submit(parse, '12').result())
    ex.submit(parse, 'x1').result()
