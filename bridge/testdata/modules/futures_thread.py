import threading
from concurrent.futures import ThreadPoolExecutor, wait, as_completed, FIRST_COMPLETED, ALL_COMPLETED
from concurrent.futures import Future, InvalidStateError, CancelledError
import concurrent.futures

# three tasks meet at one barrier: they finish only if they run at once
barrier = threading.Barrier(3)
def meet(i):
    barrier.wait()
    return i * 10
with ThreadPoolExecutor(3) as ex:
    fs = [ex.submit(meet, i) for i in range(3)]
    print([f.result() for f in fs])

# names, results, exceptions
def name(x):
    return threading.current_thread().name, x
ex = ThreadPoolExecutor(max_workers=1)
print(ex.submit(name, 1).result())
def boom(x):
    raise ValueError("boom %d" % x)
f = ex.submit(boom, 7)
try:
    f.result()
except ValueError as e:
    print("caught", e)
print(str(f.exception()), f.done(), f.cancelled(), f.running())
ex.shutdown()
try:
    ex.submit(name, 2)
except RuntimeError as e:
    print("RuntimeError", e)

with ThreadPoolExecutor(2, thread_name_prefix="pfx") as ex2:
    print(ex2.submit(name, 3).result())

# callbacks run when done; a done future runs it at once
seen = []
ex = ThreadPoolExecutor(2)
f = ex.submit(pow, 2, 10)
f.add_done_callback(lambda fut: seen.append(fut.result()))
ex.shutdown(wait=True)
f.add_done_callback(lambda fut: seen.append("late %d" % fut.result()))
print(seen)

# a future made by hand
g = Future()
print(g.done(), g.running())
g.add_done_callback(lambda fut: print("callback saw", fut.result()))
print(g.set_running_or_notify_cancel(), g.running())
g.set_result(42)
try:
    g.set_result(1)
except InvalidStateError:
    print("InvalidStateError")
h = Future()
print(h.cancel(), h.cancelled(), h.done())
try:
    h.result()
except CancelledError:
    print("CancelledError")
try:
    Future().result(timeout=0.01)
except TimeoutError:
    print("TimeoutError")

# wait and as_completed
gate = threading.Event()
def gated(x):
    gate.wait()
    return x
ex = ThreadPoolExecutor(2)
quick = ex.submit(pow, 3, 2)
slow = ex.submit(gated, 5)
done, not_done = wait([quick, slow], return_when=FIRST_COMPLETED)
print(len(done), len(not_done), quick in done)
r = wait([quick, slow], timeout=0.01)
print(len(r.done), len(r.not_done))
gate.set()
r = wait([quick, slow], return_when=ALL_COMPLETED)
print(len(r.done), len(r.not_done))
print(sorted(f.result() for f in as_completed([quick, slow])))

# map keeps order
print(list(ex.map(pow, [2, 3, 4], [2, 2, 2])))
it = ex.map(boom, [1, 2])
try:
    next(it)
except ValueError as e:
    print("map raised", e)
ex.shutdown()
try:
    ThreadPoolExecutor(0)
except ValueError as e:
    print("ValueError", e)
