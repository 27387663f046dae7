package pickle

// Python callables as pool Remotes.

import (
	"context"
	"reflect"
	"sync"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
	"github.com/pypool/pypool/pool"
	"github.com/pypool/pypool/pool/wire"
)

// A PyCallable is a Python callable as the engine runs it: in-process for
// thread-backed pools (Call takes the GIL, calls, and passes py.Objects
// through untouched), or in worker processes for process-backed pools (the
// "py" runtime rebuilds it from Definition).
type PyCallable struct {
	interp *pyrt.Interp
	fn     py.Object
	goFunc *pool.GoFunc // set when fn is an exported Go function (export.go): it travels by name

	mu      sync.Mutex
	done    bool
	payload wire.Value
	err     error
}

var _ pool.Remote = (*PyCallable)(nil)

// callables caches one PyCallable per (interpreter, callable object), so the
// engine defines a given function once per worker. Closures sharing a code
// object but holding different cells are different objects, hence different
// PyCallables. Entries stay for the life of the process (a pool may start
// a new worker that needs the definition at any time).
var callables sync.Map // callableKey → *PyCallable

type callableKey struct {
	interp *pyrt.Interp
	fn     py.Object
}

// CallableOf returns the Remote for fn (the same one each time for the same
// object). It never fails for callables that cannot travel: process pools
// learn that from Prepare or Definition.
func CallableOf(interp *pyrt.Interp, fn py.Object) (*PyCallable, error) {
	if fn == nil {
		return nil, py.ExceptionNewf(py.TypeError, "NoneType object is not callable")
	}
	if !reflect.TypeOf(fn).Comparable() {
		return &PyCallable{interp: interp, fn: fn}, nil
	}
	key := callableKey{interp, fn}
	if c, ok := callables.Load(key); ok {
		return c.(*PyCallable), nil
	}
	c, _ := callables.LoadOrStore(key, &PyCallable{interp: interp, fn: fn, goFunc: ExportedGoFunc(fn)})
	return c.(*PyCallable), nil
}

// Func is the Python callable.
func (c *PyCallable) Func() py.Object { return c.fn }

// Call runs the callable in this process, taking the interpreter's GIL (the
// caller must not hold it; see CallHeld) as the Python thread that ctx's
// worker value names (a *Thread, see pool.WorkerValue), else as the main
// thread.
// args and kwargs hold py.Objects (or wire values, converted as FromWire
// does); the result is the py.Object returned, and a raised exception is the
// error (a py.ExceptionInfo).
func (c *PyCallable) Call(ctx context.Context, args []wire.Value, kwargs []wire.KV) (res wire.Value, err error) {
	thread := c.interp.Main
	if w, ok := pool.WorkerOf(ctx); ok {
		if t, ok := w.Value.(*pyrt.Thread); ok && t != nil {
			thread = t
		}
	}
	err = c.interp.RunThread(thread, func() error {
		var e error
		res, e = c.call(args, kwargs)
		return e
	})
	return res, err
}

func (c *PyCallable) call(args []wire.Value, kwargs []wire.KV) (wire.Value, error) {
	pargs := make(py.Tuple, len(args))
	for i, a := range args {
		o, err := asObject(c.interp, a)
		if err != nil {
			return nil, err
		}
		pargs[i] = o
	}
	var kw py.StringDict
	if len(kwargs) > 0 {
		kw = make(py.StringDict, len(kwargs))
		for _, kv := range kwargs {
			var k string
			switch key := kv.Key.(type) {
			case string:
				k = key
			case py.String:
				k = string(key)
			default:
				return nil, py.ExceptionNewf(py.TypeError, "keywords must be strings")
			}
			o, err := asObject(c.interp, kv.Value)
			if err != nil {
				return nil, err
			}
			kw[k] = o
		}
	}
	return py.Call(c.fn, pargs, kw)
}

// CallHeld calls the Python callable; the caller already holds the GIL.
func (c *PyCallable) CallHeld(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	return py.Call(c.fn, args, kwargs)
}

// asObject passes py.Objects through and converts anything else as a wire
// value.
func asObject(interp *pyrt.Interp, v wire.Value) (py.Object, error) {
	if o, ok := v.(py.Object); ok {
		return o, nil
	}
	return FromWire(interp, v)
}

// Prepare encodes the callable for worker processes now, so that Definition
// never needs the GIL. The caller holds the GIL. The error is a Python
// TypeError (e.g. "cannot pickle '_thread.lock' object") when the callable,
// or a global it reaches, cannot travel.
func (c *PyCallable) Prepare() error {
	if c.goFunc != nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.done {
		c.payload, c.err = definitionOf(c.interp, c.fn)
		c.done = true
	}
	return c.err
}

// Definition is ("py", payload): the callable by value or by reference plus
// the parent's sys.path. It is computed once, so __main__ state is captured
// when the callable is first prepared (first submitted), and every worker,
// including ones started later, gets that snapshot; if Prepare was not called it
// takes the GIL to compute it, so it must then not be called by a goroutine
// that holds the GIL. An exported Go function (Export) is its GoFunc's
// definition instead: ("go", its registered name), run as Go in workers.
func (c *PyCallable) Definition() (string, wire.Value, error) {
	if c.goFunc != nil {
		return c.goFunc.Definition()
	}
	c.mu.Lock()
	done := c.done
	c.mu.Unlock()
	if !done {
		c.interp.GIL.Acquire()
		err := c.Prepare()
		c.interp.GIL.Release()
		if err != nil {
			return "", nil, err
		}
	}
	return "py", c.payload, c.err
}

// definitionOf builds a "py" Define payload: tagged(tagDefinition,
// sys.path, callable, sys.argv) — what CPython's spawn hands a worker.
func definitionOf(interp *pyrt.Interp, fn py.Object) (wire.Value, error) {
	v, err := ToWire(fn)
	if err != nil {
		return nil, err
	}
	var path, argv wire.List
	if interp != nil && interp.Ctx != nil {
		if sys, err := interp.Ctx.GetModule("sys"); err == nil {
			path = stringItems(sys.Globals["path"])
			argv = stringItems(sys.Globals["argv"])
		}
	}
	return tagged(tagDefinition, path, v, argv), nil
}

// stringItems is the str items of a list.
func stringItems(o py.Object) wire.List {
	l, ok := o.(*py.List)
	if !ok {
		return nil
	}
	var out wire.List
	for _, it := range l.Items {
		if s, ok := it.(py.String); ok {
			out = append(out, string(s))
		}
	}
	return out
}

var (
	ExportsMu     sync.RWMutex
	ExportModules = map[string]*py.ModuleImpl{}
	ExportFuncs   = map[*py.ModuleImpl]map[string]*pool.GoFunc{}
)

// exportedGoFunc returns the GoFunc behind fn when fn is a function Export
// made (as imported into some interpreter), or nil.
func ExportedGoFunc(fn py.Object) *pool.GoFunc {
	m, ok := fn.(*py.Method)
	if !ok || m.Module == nil {
		return nil
	}
	ExportsMu.RLock()
	defer ExportsMu.RUnlock()
	return ExportFuncs[m.Module.ModuleImpl][m.Name]
}
