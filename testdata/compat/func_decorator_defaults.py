import functools
def deco(f):
    @functools.wraps(f)
    def w(*a, **k):
        return ('w', f(*a, **k))
    return w
def tag(label):
    def d(f):
        f.label = label
        return f
    return d
@deco
def add(a, b=1):
    return a + b
print(add(2), add(2, 5), add.__name__)
class C:
    @deco
    @tag('x')
    def m(self, a, b=10, *, k=3):
        return a + b + k
    @staticmethod
    def s(x=4):
        return x
print(C().m(1), C().m(1, 2, k=0), C.s(), sorted(k for k in C.__dict__ if not k.startswith('__')))
def outer(n):
    @tag('in')
    def inner(x=n):
        return x * 2
    return inner(), inner.label
print(outer(21))
@tag('t')
def kw(*, a=1):
    return a
print(kw(), kw.label)
