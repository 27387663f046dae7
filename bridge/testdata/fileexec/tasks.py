# Task bodies that a Go program runs on a process pool (bridge.FileExecutor).
from helper import weight

calls = 0


def score(a, b):
    global calls
    calls += 1
    return (a * a + b * b) * weight()


def stats(xs):
    return {"n": len(xs), "total": sum(xs), "mean": sum(xs) / len(xs)}


def calls_so_far():
    return calls


def whoami():
    return __name__, __file__.endswith("/fileexec/tasks.py")


def fail(msg):
    raise ValueError(msg)


not_callable = 42

if __name__ == '__main__':
    raise SystemExit("tasks.py must not run as __main__ in a worker")
