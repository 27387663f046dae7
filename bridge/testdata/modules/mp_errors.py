import multiprocessing
from multiprocessing import TimeoutError, ProcessError, get_start_method, set_start_method, get_context, freeze_support
from multiprocessing.pool import MaybeEncodingError, ThreadPool
freeze_support()
print(get_start_method() in ("spawn", "fork"))
set_start_method("spawn", force=True)
print(get_start_method())
try:
    set_start_method("spawn")
except RuntimeError as e:
    print("RuntimeError", e)
ctx = get_context("spawn")
for exc, base in [(TimeoutError, ProcessError), (ProcessError, Exception)]:
    try:
        raise exc("x")
    except base:
        print("ok")
try:
    get_context("nope")
except ValueError as e:
    print("ValueError", e)
p = ThreadPool(1)
p.close()
try:
    p.map(abs, [1])
except ValueError as e:
    print("ValueError", e)
p.join()
raise TimeoutError("late")
