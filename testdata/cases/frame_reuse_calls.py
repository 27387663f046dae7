# Plain function calls run in reused frames: results, defaults, recursion,
# errors and the tracebacks they keep must be as with fresh frames.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def d(a, b=2, c=3):
    return a + b * c


def bad(x):
    return 1 // x


def mid(x):
    return bad(x) + 1


def catch():
    try:
        mid(0)
    except ZeroDivisionError as e:
        return e


def names(tb):
    out = []
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out


def loc(a):
    b = a + 1
    return sorted(locals().items())


def few(a, b):
    return a


def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)


print(fib(18), [fib(i) for i in range(10)])
print(d(1), d(1, 5), d(1, 5, 7), d(a=1, c=0), d(*[1, 1]))
e = catch()
print(names(e.__traceback__))
print([mid(i) for i in range(1, 4)], fib(10))
print(names(e.__traceback__))
print(loc(1), loc(2))
for args in [(1,), (1, 2, 3)]:
    try:
        few(*args)
    except TypeError as err:
        print(err)
print(deep(400))
try:
    deep(5000)
except RecursionError as err:
    print("RecursionError", err)
print(deep(10), fib(5))
