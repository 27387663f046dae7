def f():
    raise ValueError("boom")

def g():
    f()

try:
    g()
except ValueError as e:
    raise KeyError("k") from e
