# Future states: cancel() succeeds only while pending; a cancelled result raises CancelledError.
import threading
from concurrent.futures import ThreadPoolExecutor, CancelledError, Future

started = threading.Event()
release = threading.Event()

def block():
    started.set()
    release.wait(20)
    return 'first'

with ThreadPoolExecutor(1) as ex:
    f1 = ex.submit(block)
    started.wait(20)
    f2 = ex.submit(str, 'second')
    print('f1', f1.running(), f1.cancel(), f1.cancelled())
    print('f2', f2.running(), f2.cancel(), f2.cancelled(), f2.done())
    release.set()
    print(f1.result())
    try:
        f2.result()
    except CancelledError as e:
        print('CancelledError', type(e).__module__)
    print(f1.done(), f1.exception())

f = Future()
print(f.done(), f.running())
f.set_result(5)
print(f.result(), f.done())
g = Future()
g.set_exception(KeyError('k'))
print(repr(g.exception()))
