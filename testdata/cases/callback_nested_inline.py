# Done callbacks fired by set_result/cancel/add_done_callback run before the
# call returns, nested ones included, in the order CPython runs them.
import threading
from concurrent.futures import Future, ThreadPoolExecutor

order = []
a, b = Future(), Future()


def on_a(f):
    order.append(('a', f.result()))
    b.set_result(f.result() + 1)
    order.append('after b.set_result')


def on_b(f):
    order.append(('b', f.result()))


a.add_done_callback(on_a)
b.add_done_callback(on_b)
a.set_result(1)
order.append('after a.set_result')
print(order)

a.add_done_callback(lambda f: order.append('late'))
print(order[-1])

c = Future()
c.add_done_callback(lambda f: print('callback sees cancelled:', f.cancelled()))
print('cancel returned', c.cancel())

d = Future()
d.add_done_callback(lambda f: print('callback sees', type(f.exception()).__name__))
d.set_exception(KeyError('k'))
print('after set_exception')

got = []
lock = threading.Lock()


def collect(f):
    with lock:
        got.append(f.result())


with ThreadPoolExecutor(2) as ex:
    fs = [ex.submit(pow, 2, i) for i in range(50)]
    for f in fs:
        f.add_done_callback(collect)
print(sorted(got) == [2 ** i for i in range(50)], len(got))
