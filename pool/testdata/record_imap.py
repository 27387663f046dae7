# Records how CPython 3.11's ThreadPool.imap/imap_unordered surface errors:
# a failing task, a failing input iterator, and chunked variants.
# Run: python3 testdata/record_imap.py > testdata/pool_imap.txt
from multiprocessing.pool import ThreadPool

def f(x):
    if x == 3:
        raise ValueError("bad %d" % x)
    return x * 10

def gen(n, fail_at):
    for i in range(n):
        if i == fail_at:
            raise KeyError("input %d" % i)
        yield i

def drain(it):
    out = []
    while True:
        try:
            out.append(str(next(it)))
        except StopIteration:
            out.append("STOP")
            return out
        except Exception as e:
            out.append("%s(%s)" % (type(e).__name__, e.args[0]))
            if len(out) > 50:
                return out

with ThreadPool(2) as p:
    for name in ("imap", "imap_unordered"):
        for cs in (1, 2):
            for label, items in (("task-error", lambda: range(6)), ("input-error", lambda: gen(6, 4)), ("input-error-at-0", lambda: gen(6, 0))):
                out = drain(getattr(p, name)(f, items(), cs))
                if name == "imap_unordered":
                    out = sorted(out[:-1]) + [out[-1]] if out[-1] == "STOP" else sorted(out)
                print(name, cs, label, "->", " ".join(out))
