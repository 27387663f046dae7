package pyobj

// iter(callable, sentinel): gpython's accepts only Python functions as the
// callable (not bound methods or builtins). The two-argument form is
// replaced; errors raised by the callable reach `for` loops (IterFailed).

import (
	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

var callIterType = py.NewType("callable_iterator", "")

// callIter calls fn until it returns sentinel.
type callIter struct {
	fn, sentinel py.Object
	done         bool
}

func (c *callIter) Type() *py.Type { return callIterType }

func (c *callIter) M__iter__() (py.Object, error) { return c, nil }

func (c *callIter) M__next__() (py.Object, error) {
	if c.done {
		return nil, py.StopIteration
	}
	v, err := py.Call(c.fn, nil, nil)
	if err != nil {
		if py.IsException(py.StopIteration, err) {
			c.done = true
			return nil, py.StopIteration
		}
		return nil, IterFailed(c, err)
	}
	eq, err := Equal(v, c.sentinel)
	if err != nil {
		return nil, IterFailed(c, err)
	}
	if eq {
		c.done = true
		return nil, py.StopIteration
	}
	return v, nil
}

func installIter() {
	impl := py.GetModuleImpl("builtins")
	var orig *py.Method
	for _, m := range impl.Methods {
		if m.Name == "iter" {
			orig = m
		}
	}
	if orig == nil {
		return
	}
	SetBuiltin("iter", pyrt.Func("iter", "$module, object, sentinel=None, /", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		if a.Given("sentinel") {
			if !Callable(a.Get("object")) {
				return nil, py.ExceptionNewf(py.TypeError, "iter(v, w): v must be callable")
			}
			return &callIter{fn: a.Get("object"), sentinel: a.Get("sentinel")}, nil
		}
		return orig.Call(self, py.Tuple{a.Get("object")})
	}))
}

func init() {
	pyrt.OnInstall(pyrt.InstallCompat, "builtin_iter", installIter)
}
