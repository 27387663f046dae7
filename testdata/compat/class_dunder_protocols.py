class C:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
    def __eq__(self, o): return self is o
    __hash__ = None
    def __call__(self, k): return k * self.n
    def __getitem__(self, i):
        if i >= self.n: raise IndexError(i)
        return i * i
print(bool(C(0)), bool(C(2)), len(C(3)), C(3)(5), list(C(4)), 3 in C(3), 4 in C(3), callable(C(1)), 'yes' if C(0) else 'no')
class D:
    def __bool__(self): return False
    def __getattr__(self, name): return 'dyn-' + name
d = D()
d.real = 1
print(not d, d.real, d.other, type(d).__name__, isinstance(d, D), d.__class__.__name__, sorted(d.__dict__))
class E(D):
    def __repr__(self): return 'E!'
print(bool(E()), E(), [E()], str(E()), '%s' % E())
class F:
    def __lt__(self, o): return NotImplemented
try:
    F() < F()
except TypeError as e:
    print('TypeError')
