package pyrt

// Small helpers to build Python classes implemented in Go for the modules
// (threading, concurrent.futures, multiprocessing).

import (
	"time"

	"github.com/go-python/gpython/py"
)

// NewClass makes a Go-backed class whose instances are made by newFn.
func NewClass(module, name, doc string, newFn py.NewFunc) *py.Type {
	t := py.NewTypeX(name, doc, newFn, nil)
	t.Dict["__module__"] = py.String(module)
	MustReady(t)
	return t
}

// NewExceptionClass makes an exception class with CPython's module name,
// so that tracebacks print it module-qualified.
func NewExceptionClass(module, name, doc string, base *py.Type) *py.Type {
	t := base.NewType(name, doc, nil, nil)
	t.Dict["__module__"] = py.String(module)
	t.Qualname = name
	MustReady(t)
	return t
}

// IsInstance reports whether o is an instance of t (or of a subtype);
// false for nil and for the nil module gpython passes as self.
func IsInstance(o py.Object, t *py.Type) bool {
	if o == nil {
		return false
	}
	if m, ok := o.(*py.Module); ok && m == nil {
		return false
	}
	return o.Type().IsSubtype(t)
}

// TimeoutArg converts a Python timeout (None or a number of seconds) to a
// duration; ok is false for None (wait forever). Negative values are zero.
func TimeoutArg(o py.Object) (d time.Duration, ok bool, err error) {
	if o == nil || o == py.None {
		return 0, false, nil
	}
	var f float64
	switch v := o.(type) {
	case py.Int:
		f = float64(v)
	case py.Float:
		f = float64(v)
	case py.Bool:
		if v {
			f = 1
		}
	default:
		fo, err := py.MakeFloat(o)
		if err != nil {
			return 0, false, py.ExceptionNewf(py.TypeError, "'%s' object cannot be interpreted as a timeout", o.Type().Name)
		}
		f = float64(fo.(py.Float))
	}
	if f < 0 {
		f = 0
	}
	return time.Duration(f * float64(time.Second)), true, nil
}

// Truth is bool(o), with errors treated as false.
func Truth(o py.Object) bool {
	if o == nil {
		return false
	}
	b, err := py.ObjectIsTrue(o)
	return err == nil && b
}

// MustReady computes t's MRO (types made after gpython's start-up are not
// readied for us): subclass checks in except clauses need it.
func MustReady(t *py.Type) {
	// a subclass inherits its base's flags, READY included: clear it
	t.Flags &^= py.TPFLAGS_READY
	if t.Base == nil && len(t.Bases) == 1 {
		t.Base = t.Bases[0].(*py.Type)
	}
	if err := t.Ready(); err != nil {
		panic(err)
	}
}

// The modules' classes that are factories (ThreadPoolExecutor, Pool, …) are
// Go functions: give Go functions CPython's __name__ and __qualname__ so
// that `cls.__name__` works on them.
func init() {
	OnInstall(InstallExtras, "mod_types", func() {
		name := &py.Property{Fget: func(self py.Object) (py.Object, error) {
			if m, ok := self.(*py.Method); ok {
				return py.String(m.Name), nil
			}
			return nil, py.ExceptionNewf(py.AttributeError, "'%s' object has no attribute '__name__'", self.Type().Name)
		}}
		for _, k := range []string{"__name__", "__qualname__"} {
			if _, ok := py.MethodType.Dict[k]; !ok {
				py.MethodType.Dict[k] = name
			}
		}
	})
}
