# A raising done-callback is logged ("exception calling callback for <Future ...>") and ignored.
from concurrent.futures import ThreadPoolExecutor

def cb(fut):
    raise ValueError('callback boom')

with ThreadPoolExecutor(1) as ex:
    f = ex.submit(pow, 2, 10)
    print(f.result())
    f.add_done_callback(cb)
    print('still running')
print('done')
