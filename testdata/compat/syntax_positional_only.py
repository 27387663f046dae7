def f(a, b=2, /, c=3, *, d):
    return a, b, c, d
print(f(1, d=4), f(1, 2, 3, d=4), f.__code__.co_posonlyargcount, f.__code__.co_argcount, f.__code__.co_kwonlyargcount)
try:
    f(a=1, b=2, d=3)
except TypeError as e:
    print(e)
class C:
    def m(self, x, /):
        return x
print(C().m(5))
try:
    C().m(x=5)
except TypeError as e:
    print(e)
