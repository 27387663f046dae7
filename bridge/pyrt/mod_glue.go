package pyrt

// Small helpers the Go-implemented modules (threading, concurrent.futures,
// multiprocessing) share: finding their interpreter, constructors of their
// classes, a submodule's share of its package's functions.

import (
	"github.com/go-python/gpython/py"
)

// InterpOfModule finds the Interp that runs a Go-implemented module function.
func InterpOfModule(self py.Object) (*Interp, error) {
	if m, ok := self.(*py.Module); ok && m != nil {
		if it := InterpOf(m.Context); it != nil {
			return it, nil
		}
	}
	return nil, py.ExceptionNewf(py.SystemError, "no interpreter for this module")
}

// soleInterp returns the interpreter calling a class constructor (gpython
// calls those without a context): the only live one (a pypool process has
// one), or else the only one whose GIL is held. Otherwise it is nil.
func soleInterp() *Interp {
	var all, busy []*Interp
	Interps.Range(func(_, v any) bool {
		it := v.(*Interp)
		all = append(all, it)
		// the caller holds its interpreter's GIL: idle ones can be locked
		if it.GIL.mu.TryLock() {
			it.GIL.mu.Unlock()
		} else {
			busy = append(busy, it)
		}
		return true
	})
	if len(all) == 1 {
		return all[0]
	}
	if len(busy) == 1 {
		return busy[0]
	}
	return nil
}

// InInterp adapts a constructor that needs the calling interpreter for
// Constructor: gpython calls a type's New without a context, so the
// interpreter is the only live one (or the only one holding its GIL).
func InInterp(fn func(it *Interp, a *Args) (py.Object, error)) func(t *py.Type, a *Args) (py.Object, error) {
	return func(t *py.Type, a *Args) (py.Object, error) {
		it := soleInterp()
		if it == nil {
			return nil, py.ExceptionNewf(py.RuntimeError, "%s(): no single interpreter to create it in", t.Name)
		}
		return fn(it, a)
	}
}

// PickMethods returns those of methods named in names (a submodule's share
// of its package's functions), in the order of methods.
func PickMethods(methods []*py.Method, names ...string) []*py.Method {
	var out []*py.Method
	for _, m := range methods {
		for _, n := range names {
			if m.Name == n {
				out = append(out, m)
			}
		}
	}
	return out
}
