package source

import (
	"strings"
	"testing"
)

func TestCompatRewrite(t *testing.T) {
	cases := []struct{ in, want string }{
		{"x = {}\n", "x = __pp_dict__()\n"},
		{"x = {1: 'a', 2: b}\n", "x = __pp_dict__(1, 'a', 2, b)\n"},
		{"x = {k: v for k, v in y}\n", "x = __pp_dictcomp__((k, v) for k, v in y)\n"},
		{"x = {a for a in y}\n", "x = __pp_setcomp__(a for a in y)\n"},
		{"x = {1, *a}\n", "x = __pp_set__(1, __pp_star__(a))\n"},
		{"x = {**a, 1: 2}\n", "x = __pp_dict__(__pp_dstar__(a), 1, 2)\n"},
		{"x = [*a, 1]\n", "x = __pp_list__(__pp_star__(a), 1)\n"},
		{"[a, *b] = c\n", "[a, *b] = c\n"},
		{"f(*a, *b)\n", "f(*__pp_args__(__pp_star__(a), __pp_star__(b)))\n"},
		{"f(*a, 1, k=2)\n", "f(*__pp_args__(__pp_star__(a), 1), k=2)\n"},
		{"f(*a)\n", "f(*a)\n"},
		{"f(**a, k=1, **b)\n", "f(**__pp_kw__(a, __pp_kv__(k=1), b))\n"},
		{"x = 1_000\n", "x = 1000\n"},
		{"@a.b(c)\ndef f(): pass\n", "@__pp_id__(a.b(c))\ndef f(): pass\n"},
		{"@a\ndef f(): pass\n", "@a\ndef f(): pass\n"},
		{"x: int = 1\n", "x  = 1; __pp_ann__(globals(), 'x', (int))\n"},
		{"x: int\n", "__pp_ann__(globals(), 'x', (int)) \n"},
		{"def f():\n    x: int = 1\n", "def f():\n    x  = 1\n"},
		{"def f():\n    x: int\n", "def f():\n    pass \n"},
		{"def f(a: int, b: str = 'x') -> dict[str, int]:\n    pass\n", "def f(a , b  = 'x')   :\n    pass\n"},
		{"class A(B):\n    def f(self):\n        super().f()\n", "class A(B):\n    def f(self):\n        super(A, self).f()\n"},
		{"s = '{not: a dict}'  # {nor: this}\n", "s = '{not: a dict}'  # {nor: this}\n"},
		{"d = {\n  1: 2,\n  3: 4,\n}\n", "d = __pp_dict__(\n  1, 2,\n  3, 4,\n)\n"},
		{"f = {1: lambda x: x}\n", "f = __pp_dict__(1, lambda x: x)\n"},
		{"s = '%d' % n\n", "s = __pp_mod__('%d', n)\n"},
		{"s = fmt % (a, b)\n", "s = __pp_mod__(fmt, (a, b))\n"},
		{"s = self.fmt % d[k]\n", "s = __pp_mod__(self.fmt, d[k])\n"},
		{"s = a * b % c\n", "s = a * b % c\n"},
		{"s = -b % c\n", "s = -b % c\n"},
		{"s = a - b % c\n", "s = a - __pp_mod__(b, c)\n"},
		{"s = x % y ** 2\n", "s = x % y ** 2\n"},
		{"s = 10 % 3\n", "s = 10 % 3\n"},
		{"u = t + (4,)\n", "u = __pp_add__(t, (4,))\n"},
		{"t += (x, y)\n", "t = __pp_add__(t, (x, y))\n"},
		{"u = a - t + (4,)\n", "u = a - t + (4,)\n"},
		{"u = f(x) + (1, 2)\n", "u = __pp_add__(f(x), (1, 2))\n"},
	}
	for _, c := range cases {
		got := compatRewrite(c.in)
		if got != c.want {
			t.Errorf("rewrite %q:\n got %q\nwant %q", c.in, got, c.want)
		}
		if strings.Count(got, "\n") != strings.Count(c.in, "\n") {
			t.Errorf("rewrite %q changed the line count", c.in)
		}
	}
}
