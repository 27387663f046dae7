# Records the messages CPython 3.11 gives for the engine's errors, one per
# line as "key<TAB>ExceptionType<TAB>message", addresses replaced by 0xADDR.
# Run: python3 testdata/record_messages.py > testdata/messages.tsv
import re, time
import concurrent.futures as cf
from concurrent.futures import thread as cft
from multiprocessing.pool import ThreadPool
import multiprocessing

def rec(key, fn):
    try:
        fn()
    except BaseException as e:
        msg = re.sub(r"0x[0-9a-f]+", "0xADDR", str(e))
        print("%s\t%s\t%s" % (key, type(e).__name__, msg))
        return
    raise SystemExit("no error for " + key)

def set_twice():
    f = cf.Future(); f.set_result(3); f.set_result(4)
rec("future_set_result_twice", set_twice)

def set_exc_after_result():
    f = cf.Future(); f.set_exception(ValueError("x")); f.set_result(1)
rec("future_set_result_after_exception", set_exc_after_result)

def set_on_cancelled():
    f = cf.Future(); f.cancel(); f.set_result(1)
rec("future_set_result_cancelled", set_on_cancelled)

def running_twice():
    f = cf.Future(); f.set_running_or_notify_cancel(); f.set_running_or_notify_cancel()
import logging; logging.disable(logging.CRITICAL)
rec("future_running_twice", running_twice)

rec("future_result_timeout", lambda: cf.Future().result(0))
def cancelled_result():
    f = cf.Future(); f.cancel(); f.result()
rec("future_result_cancelled", cancelled_result)

rec("wait_invalid", lambda: cf.wait([cf.Future()], 0, "SOMETIMES"))
rec("as_completed_timeout", lambda: list(cf.as_completed([cf.Future(), cf.Future()], 0)))

rec("executor_max_workers", lambda: cf.ThreadPoolExecutor(0))
def submit_after_shutdown():
    ex = cf.ThreadPoolExecutor(1); ex.shutdown(); ex.submit(int)
rec("executor_shutdown", submit_after_shutdown)
def broken():
    def bad():
        raise ValueError("init")
    ex = cf.ThreadPoolExecutor(1, initializer=bad)
    f = ex.submit(int)
    try:
        f.result()
    finally:
        pass
rec("executor_broken_pending", broken)
def broken_later():
    def bad():
        raise ValueError("init")
    ex = cf.ThreadPoolExecutor(1, initializer=bad)
    try:
        ex.submit(int).result()
    except Exception:
        pass
    ex.submit(int)
rec("executor_broken_submit", broken_later)

rec("pool_processes", lambda: ThreadPool(0))
rec("pool_maxtasks", lambda: multiprocessing.Pool(1, maxtasksperchild=0))
def not_running():
    p = ThreadPool(1); p.close(); p.apply_async(int)
rec("pool_not_running", not_running)
def still_running():
    p = ThreadPool(1)
    try:
        p.join()
    finally:
        p.terminate()
rec("pool_still_running", still_running)
def not_ready():
    p = ThreadPool(1)
    r = p.apply_async(time.sleep, (0.2,))
    try:
        r.successful()
    finally:
        p.terminate()
rec("pool_apply_not_ready", not_ready)
def get_timeout():
    p = ThreadPool(1)
    r = p.apply_async(time.sleep, (0.2,))
    try:
        r.get(0.01)
    finally:
        p.terminate()
rec("pool_get_timeout", get_timeout)
def imap_chunksize():
    p = ThreadPool(1)
    try:
        p.imap(int, [1], 0)
    finally:
        p.terminate()
rec("pool_imap_chunksize", imap_chunksize)
def imap_timeout():
    p = ThreadPool(1)
    it = p.imap(time.sleep, [0.2])
    try:
        it.next(0.01)
    finally:
        p.terminate()
rec("pool_imap_timeout", imap_timeout)
