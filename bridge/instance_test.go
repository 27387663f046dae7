package bridge

import "testing"

// Expected outputs are CPython 3.11's for the same scripts.
func TestInstanceDunders(t *testing.T) {
	cases := []struct{ name, src, want, wantErr string }{
		{"identity and setattr", `seen = []
class S:
    def __init__(self, k): self.k = k
    def __eq__(self, o): seen.append(self); return isinstance(o, S) and o.k == self.k
    def __hash__(self): return hash(self.k)
    def __setattr__(self, n, v): object.__setattr__(self, n, v * 2) if n == 'k' else object.__setattr__(self, n, v)
    def me(self): return self
a = S(2)
print(a.k, a.me() is a, a == S(2), seen[0] is a, {a: 1}.get(S(2)), S(3) in {S(3): 0}, a in {a}, repr(a)[:10])
class T(S):
    def __bool__(self): return False
t = T(1)
print(bool(t), t == T(1), 'y' if t else 'n', isinstance(t, S), type(t) is T)
`, "4 True True True 1 True True <__main__.\nFalse True n True True\n", ""},
		{"arithmetic", `class V:
    def __init__(self, x): self.x = x
    def __add__(self, o): return V(self.x + o.x)
    def __mul__(self, k): return V(self.x * k)
    def __rmul__(self, k): return V(self.x * k * 10)
    def __neg__(self): return V(-self.x)
    def __repr__(self): return 'V(%d)' % self.x
v = V(2)
w = v
w += V(1)
print(v + V(3), v * 2, 2 * v, -v, w, w is v)
`, "V(5) V(4) V(40) V(-2) V(3) False\n", ""},
		{"unhashable with __eq__", `class P:
    def __eq__(self, o): return True
print(P() == 1, P() != 1)
s = {P()}
`, "True False\n", "TypeError: unhashable type: 'P'"},
		{"unorderable", `class Q:
    def __eq__(self, o): return False
print(Q() < Q())
`, "", "TypeError: '<' not supported between instances of 'Q' and 'Q'"},
		{"bool and len", `class B:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
    def __eq__(self, o): return self is o
print(bool(B(0)), bool(B(3)), not B(0), [x for x in [B(0), B(1)] if x][0].n)
`, "False True True 1\n", ""},
		{"callable and iterable", `class C:
    def __init__(self, n): self.n = n
    def __call__(self, k): return k * self.n
    def __iter__(self): return iter(range(self.n))
    def __lt__(self, o): return self.n < o.n
print(C(3)(2), list(C(3)), callable(C(1)), sorted([C(2), C(1)])[0].n, min(C(5), C(4)).n)
`, "6 [0, 1, 2] True 1 4\n", ""},
		{"dunders added by a class decorator", `def ordered(cls):
    cls.__lt__ = lambda a, b: a.x < b.x
    cls.__eq__ = lambda a, b: a.x == b.x
    setattr(cls, '__add__', lambda a, b: cls(a.x + b.x))
    return cls
@ordered
class A:
    def __init__(self, x): self.x = x
    def __repr__(self): return 'A(%d)' % self.x
print(A(1) < A(2), A(1) == A(1), A(1) + A(2), sorted([A(3), A(1)]))
`, "True True A(3) [A(1), A(3)]\n", ""},
		{"type() with a dict namespace", `V = type('V', (), {'__add__': lambda s, o: 42, 'k': 1})
print(V() + V(), V.k, V.__name__)
`, "42 1 V\n", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, errLine := runCompat(t, c.src)
			if out != c.want || errLine != c.wantErr {
				t.Errorf("got %q, error %q\nwant %q, error %q", out, errLine, c.want, c.wantErr)
			}
		})
	}
}
