# traceback.format_exc / print_exc / format_exception / print_exception
# with limit= and chain=, and sys.tracebacklimit
import sys
import traceback


def f(n):
    if n == 0:
        raise ValueError("x")
    f(n - 1)


def deep(n):
    if n == 0:
        raise RuntimeError("deep")
    deep(n - 1)


try:
    try:
        f(5)
    except ValueError as e:
        raise KeyError("k") from e
except KeyError as e:
    for lim in (None, 0, 2, -1, 100):
        print("limit", lim)
        print(traceback.format_exc(limit=lim))
    print("chain=False")
    print(traceback.format_exc(chain=False))
    print("".join(traceback.format_exception(e, limit=1)))
    print("".join(traceback.format_exception(type(e), e, e.__traceback__, limit=-2, chain=False)))
    traceback.print_exc(limit=1, file=sys.stdout)
    traceback.print_exception(e, limit=0, file=sys.stdout)
    sys.tracebacklimit = 1
    print(traceback.format_exc())
    print("".join(traceback.format_tb(e.__traceback__.tb_next)))
    del sys.tracebacklimit

print("recursion collapse")
try:
    deep(10)
except RuntimeError:
    print(traceback.format_exc())
    traceback.print_exc(limit=-5, file=sys.stdout)
