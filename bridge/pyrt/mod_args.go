package pyrt

// A binder, two argument helpers and a method picker the pool modules
// (multiprocessing, concurrent.futures, threading) share; they lived in
// those modules' files.

import "github.com/go-python/gpython/py"

// ModFunc makes a module-level function that needs the interpreter (found
// from the module it is called on).
func ModFunc(name, doc string, fn func(it *Interp, args py.Tuple, kwargs py.StringDict) (py.Object, error)) *py.Method {
	return DefFunc(name, doc, func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		it, err := InterpOfModule(self)
		if err != nil {
			return nil, err
		}
		return fn(it, args, kwargs)
	})
}

// NoArgs checks that fname was called without arguments.
func NoArgs(fname string, args py.Tuple, kwargs py.StringDict) error {
	_, err := ParseArgs(fname, args, kwargs, nil, 0)
	return err
}

// TupleArg converts initargs-like arguments (None: empty) to a tuple.
func TupleArg(o py.Object) (py.Tuple, error) {
	if o == nil || o == py.None {
		return nil, nil
	}
	switch t := o.(type) {
	case py.Tuple:
		return t, nil
	case *py.List:
		return py.Tuple(t.Items), nil
	}
	items, err := py.SequenceTuple(o)
	if err != nil {
		return nil, py.ExceptionNewf(py.TypeError, "argument must be a tuple, not %s", o.Type().Name)
	}
	return items, nil
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
