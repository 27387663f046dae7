# Changes to os.environ before a pool starts reach its workers (Pool and
# ProcessPoolExecutor), through os.environ and os.getenv alike; the
# engine's own variables do not show.
import os
from multiprocessing import Pool
from concurrent.futures import ProcessPoolExecutor


def probe(x):
    leaked = sorted(k for k in os.environ if k.startswith("PYPOOL_WORKER"))
    return x, os.environ.get("MYVAR"), os.getenv("MYVAR"), "GONE" in os.environ, leaked


def change(x):
    os.environ["MYVAR"] = "set-in-worker-%d" % x
    return os.environ["MYVAR"]


if __name__ == '__main__':
    os.environ["MYVAR"] = "hello"
    os.environ["GONE"] = "1"
    del os.environ["GONE"]
    print(os.getenv("MYVAR"))
    with Pool(2) as p:
        print(p.map(probe, range(3)))
    os.environ["MYVAR"] = "second"
    with ProcessPoolExecutor(2) as ex:
        print(list(ex.map(probe, range(3))))
        print(ex.submit(change, 7).result())
    print(os.environ["MYVAR"])
    os.environ.pop("MYVAR")
    with Pool(1) as p:
        print(p.apply(probe, (9,)))
