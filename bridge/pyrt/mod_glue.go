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

// ClassNew makes a class constructor (a py.Type's New) whose arguments are
// bound by the Sig of spec (name names it in messages) before fn makes the
// instance in the calling interpreter.
func ClassNew(name, spec string, fn func(it *Interp, a *Args) (py.Object, error)) py.NewFunc {
	sig := MustSig(name, spec)
	return func(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		it := soleInterp()
		if it == nil {
			return nil, py.ExceptionNewf(py.RuntimeError, "%s(): no single interpreter to create it in", t.Name)
		}
		a, err := sig.Parse(args, kwargs)
		if err != nil {
			return nil, err
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
