import functools
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
@functools.lru_cache(maxsize=2)
def sq(x):
    return x * x
sq(1); sq(2); sq(1); sq(3)
print(sq.cache_info())
fib.cache_clear()
print(fib.cache_info())
@functools.cache
def ident(x):
    return x
print(ident(4))
