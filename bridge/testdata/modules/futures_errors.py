from concurrent.futures import BrokenExecutor, CancelledError, FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED
from concurrent.futures import TimeoutError as FTimeoutError
from concurrent.futures.process import BrokenProcessPool
from concurrent.futures.thread import BrokenThreadPool
for exc, base in [(BrokenProcessPool, BrokenExecutor), (BrokenThreadPool, BrokenExecutor),
                  (BrokenExecutor, RuntimeError), (CancelledError, Exception), (FTimeoutError, OSError)]:
    try:
        raise exc("x")
    except base:
        print("ok")
print(FTimeoutError is TimeoutError)
print(FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED)
try:
    raise BrokenProcessPool("gone")
except RuntimeError as e:
    print("caught", e)
try:
    raise BrokenThreadPool("init failed")
except BrokenExecutor as e:
    print("caught", e)
raise CancelledError()
