# An uncaught CancelledError prints module-qualified: concurrent.futures._base.CancelledError.
from concurrent.futures import Future
f = Future()
f.cancel()
f.result()
