# A task returning an unsendable value: multiprocessing.pool.MaybeEncodingError at get().
import threading
from multiprocessing import Pool
from multiprocessing.pool import MaybeEncodingError

def make_lock(x):
    return threading.Lock()

if __name__ == '__main__':
    with Pool(1) as p:
        try:
            p.apply(make_lock, (1,))
        except MaybeEncodingError as e:
            print(type(e).__module__, type(e).__name__)
        print(p.apply(abs, (-4,)))
        p.apply(make_lock, (2,))
