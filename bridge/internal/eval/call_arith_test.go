package eval

import (
	"testing"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

// TestArithCodeAdmitsOnlyStraightArithmetic: which function bodies the
// arithmetic fast path takes.
func TestArithCodeAdmitsOnlyStraightArithmetic(t *testing.T) {
	pyrt.NewInterp(pyrt.Options{})
	for src, want := range map[string]bool{
		"def f(x):\n    return x * x\n":                          true,
		"def f(a, b=2):\n    return -a ** b // 3 % 7 + 1.5\n":    true,
		"def f(x):\n    return x\n":                              true,
		"f = lambda x: x + 1\n":                                  true,
		"def f(x):\n    y = x\n    return y\n":                   false, // a local
		"def f(x):\n    return g(x)\n":                           false, // a call
		"def f(x):\n    return x[0]\n":                           false,
		"def f(x):\n    return x < 1\n":                          false,
		"def f(x):\n    return x * 'a'\n":                        false, // a str constant
		"def f(x):\n    if x:\n        return 1\n    return 2\n": false,
		"def f(*x):\n    return 1\n":                             false,
		"def f(x):\n    yield x * x\n":                           false,
		"def f(x):\n    return (lambda: x)()\n":                  false,
	} {
		code, err := py.Compile(src, "t.py", py.ExecMode, 0, true)
		if err != nil {
			t.Fatal(err)
		}
		var fc *py.Code
		for _, c := range code.Consts {
			if c, ok := c.(*py.Code); ok {
				fc = c
			}
		}
		if fc == nil {
			t.Fatalf("%q: no function code", src)
		}
		if got := arithCode(fc); got != want {
			t.Errorf("arithCode(%q) = %v, want %v", src, got, want)
		}
	}
}
