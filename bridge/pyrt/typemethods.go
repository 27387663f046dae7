package pyrt

// Helpers to add Go methods to builtin and project types' dicts.

import (
	"github.com/go-python/gpython/py"
)

// methodFunc is the Go signature of every method the compat layer adds.
type MethodFunc func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error)

// AddMethod installs fn as method name of t. gpython calls a type-dict method
// either bound, as fn(self, args), or through the type (`str.join(sep, xs)`),
// as fn(module, (self, args...)); both arrive at fn as (self, args).
func AddMethod(t *py.Type, name string, fn MethodFunc) {
	t.Dict[name] = py.MustNewMethod(name, func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if m, ok := self.(*py.Module); ok || self == nil {
			_ = m
			if len(args) == 0 {
				return nil, py.ExceptionNewf(py.TypeError, "unbound method %s.%s() needs an argument", t.Name, name)
			}
			self, args = args[0], args[1:]
			if !isInstanceOf(self, t) {
				return nil, py.ExceptionNewf(py.TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", name, t.Name, self.Type().Name)
			}
		}
		return fn(self, args, kwargs)
	}, 0, "")
}

// addClassMethod installs fn as a class method of t: fn gets the class
// (t itself when called through an instance).
func AddClassMethod(t *py.Type, name string, fn func(cls *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error)) {
	m := py.MustNewMethod(name, func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		cls := t
		if c, ok := self.(*py.Type); ok && c.IsSubtype(t) {
			cls = c
		} else if self != nil {
			if _, ok := self.(*py.Module); !ok {
				cls = self.Type()
			}
		}
		return fn(cls, args, kwargs)
	}, 0, "")
	t.Dict[name] = m
}

// isInstanceOf reports whether o's type is t or a subtype of it.
func isInstanceOf(o py.Object, t *py.Type) bool {
	ot := o.Type()
	return ot == t || ot.IsSubtype(t)
}

// noKwargs returns CPython's error when a method taking no keywords gets some.
func NoKwargs(name string, kwargs py.StringDict) error {
	if len(kwargs) > 0 {
		return py.ExceptionNewf(py.TypeError, "%s() takes no keyword arguments", name)
	}
	return nil
}

// NArgs checks a positional argument count as CPython's METH_VARARGS methods do.
func NArgs(name string, args py.Tuple, kwargs py.StringDict, min, max int) error {
	if err := NoKwargs(name, kwargs); err != nil {
		return err
	}
	n := len(args)
	switch {
	case min == max && n != min:
		switch min {
		case 0:
			return py.ExceptionNewf(py.TypeError, "%s() takes no arguments (%d given)", name, n)
		case 1:
			return py.ExceptionNewf(py.TypeError, "%s() takes exactly one argument (%d given)", name, n)
		}
		return py.ExceptionNewf(py.TypeError, "%s expected %d arguments, got %d", name, min, n)
	case n < min:
		return py.ExceptionNewf(py.TypeError, "%s expected at least %d argument%s, got %d", name, min, plural(min), n)
	case max >= 0 && n > max:
		return py.ExceptionNewf(py.TypeError, "%s expected at most %d argument%s, got %d", name, max, plural(max), n)
	}
	return nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// keyError makes KeyError(key), whose str is repr(key) as in CPython.
func KeyError(key py.Object) error {
	return &py.Exception{Base: py.KeyError, Args: py.Tuple{key}, Dict: py.NewStringDict()}
}
