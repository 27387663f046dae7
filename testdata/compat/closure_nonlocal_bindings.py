# Closure variables bound by nonlocal def, import as, except as, in class bodies and
# with super()/__class__, in functions that also own cells.
def outer():
    a = 1
    b = 2
    def mid():
        nonlocal a
        c = 3
        def fn():
            return a + c
        def g(): return 0
        try:
            raise ValueError("x")
        except ValueError as e:
            pass
        a = fn() + b
        return [c * k + a + b for k in range(2)]
    r = mid()
    return r, a
print(outer())

def outer2():
    m = None
    def setter():
        nonlocal m
        import os.path as m
        q = 5
        return (lambda: (m.__name__, q))()
    r = setter()
    return r, m.__name__
print(outer2())

def outer3():
    e = 'unset'
    def h():
        nonlocal e
        k = 1
        try:
            1/0
        except ZeroDivisionError as e:
            kk = [k for _ in range(1)]
        return kk
    r = h()
    try:
        e
    except NameError:
        return r, 'deleted'
    return r, e
print(outer3())

def outer4():
    def fn(): return 'old'
    def h():
        nonlocal fn
        z = 7
        def fn(): return ('new', z)
        return [fn() for _ in range(1)]
    return h(), fn()
print(outer4())

def outer5(n):
    class C:
        x = n
        ys = [n + i for i in range(2)]
        def m(self):
            return [self.x + n + j for j in range(2)]
    return C.x, C.ys, C().m()
print(outer5(10))

class Base:
    def hi(self): return 'base'
class D(Base):
    def hi(self):
        t = 1
        return [super(D, self).hi() + str(t + u) for u in range(2)] + [__class__.__name__]
print(D().hi())

def counter():
    n = 0
    def inc(k):
        nonlocal n
        n += k
        return [n * i for i in range(3)]
    return inc
c = counter()
print(c(1), c(2))
