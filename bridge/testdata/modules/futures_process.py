from concurrent.futures import ProcessPoolExecutor, as_completed, wait
import os

def square(x):
    return x * x

def fail(x):
    raise ValueError("bad %d" % x)

def pid(_):
    return os.getpid()

if __name__ == '__main__':
    with ProcessPoolExecutor(2) as ex:
        fs = [ex.submit(square, i) for i in range(6)]
        print([f.result() for f in fs])
        print(sorted(f.result() for f in as_completed(fs)))
        f = ex.submit(fail, 3)
        try:
            f.result()
        except ValueError as e:
            print("caught", e)
        print(list(ex.map(square, range(5))))
        print(os.getpid() not in ex.map(pid, range(4)))
    seen = []
    ex = ProcessPoolExecutor(max_workers=2)
    for i in range(4):
        ex.submit(square, i).add_done_callback(lambda fut: seen.append(fut.result()))
    ex.shutdown()
    print(sorted(seen))
