package pyobj

import (
	"fmt"
	"testing"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

func TestSigErrors(t *testing.T) {
	sig := pyrt.MustSig("apply_async", "func, args=(), kwds={}, callback=None, *, error_callback=None")
	cases := []struct {
		args   py.Tuple
		kwargs py.StringDict
		want   string
	}{
		{nil, nil, "TypeError: apply_async() missing 1 required positional argument: 'func'"},
		{py.Tuple{py.None}, py.StringDict{"x": py.None}, "TypeError: apply_async() got an unexpected keyword argument 'x'"},
		{py.Tuple{py.None, py.None, py.None, py.None, py.None}, nil, "TypeError: apply_async() takes from 1 to 4 positional arguments but 5 were given"},
		{py.Tuple{py.None}, py.StringDict{"func": py.None}, "TypeError: apply_async() got multiple values for argument 'func'"},
	}
	for _, c := range cases {
		_, err := sig.Parse(c.args, c.kwargs)
		if err == nil || FormatExceptionOnly(err) != c.want {
			t.Errorf("Parse(%v, %v) = %v, want %s", c.args, c.kwargs, err, c.want)
		}
	}
	two := pyrt.MustSig("f", "x, y, z")
	_, err := two.Parse(py.Tuple{py.Int(1)}, nil)
	if got := FormatExceptionOnly(err); got != "TypeError: f() missing 2 required positional arguments: 'y' and 'z'" {
		t.Error(got)
	}
	_, err = pyrt.MustSig("g", "").Parse(py.Tuple{py.Int(1)}, nil)
	if got := FormatExceptionOnly(err); got != "TypeError: g() takes 0 positional arguments but 1 was given" {
		t.Error(got)
	}
	_, err = pyrt.MustSig("h", "*, key").Parse(nil, nil)
	if got := FormatExceptionOnly(err); got != "TypeError: h() missing 1 required keyword-only argument: 'key'" {
		t.Error(got)
	}
}

func TestSigBinding(t *testing.T) {
	sig := pyrt.MustSig("Pool", "processes=None, initializer=None, initargs=(), maxtasksperchild=None, *rest, **kw")
	a, err := sig.Parse(py.Tuple{py.String("3")}, py.StringDict{"initargs": py.Tuple{py.Int(1)}, "other": py.True})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Int("processes"); err == nil || FormatExceptionOnly(err) != "TypeError: Pool() argument 'processes' must be int, not str" {
		t.Errorf("Int: %v", err)
	}
	if !a.IsNone("initializer") || a.Given("initializer") || !a.Given("initargs") {
		t.Error("defaults/given wrong")
	}
	if a.Kw["other"] != py.True || len(a.Star) != 0 {
		t.Errorf("extra: %v %v", a.Star, a.Kw)
	}
	if v, ok, err := a.OptInt("maxtasksperchild"); ok || err != nil || v != 0 {
		t.Error("OptInt of None")
	}
}

// A Go-implemented Python function with a declared signature.
func ExampleFunc() {
	add := pyrt.Func("add", "a, b=10", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		x, err := a.Int("a")
		if err != nil {
			return nil, err
		}
		y, err := a.Int("b")
		if err != nil {
			return nil, err
		}
		return py.Int(x + y), nil
	})
	r, _ := py.Call(add, py.Tuple{py.Int(1)}, nil)
	fmt.Println(r)
	_, err := py.Call(add, py.Tuple{py.String("x")}, nil)
	fmt.Println(FormatExceptionOnly(err))
	// Output:
	// 11
	// TypeError: add() argument 'a' must be int, not str
}
