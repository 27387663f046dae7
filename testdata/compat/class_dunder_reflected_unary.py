class N:
    def __init__(self, v): self.v = v
    def __add__(self, o): return N(self.v + (o.v if isinstance(o, N) else o))
    def __radd__(self, o): return N(o + self.v)
    def __iadd__(self, o): self.v += 100; return self
    def __sub__(self, o): return N(self.v - o)
    def __neg__(self): return N(-self.v)
    def __abs__(self): return N(abs(self.v))
    def __index__(self): return self.v
    def __repr__(self): return 'N(%d)' % self.v
a = N(2)
b = a
b += 1
print(a + 1, 1 + a, a + N(3), a - 1, -a, abs(N(-4)), a is b, a.v, [10, 20, 30, 40][N(1)], sum([N(1), N(2)], N(0)))
