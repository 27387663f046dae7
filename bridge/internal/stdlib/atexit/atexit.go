// Package atexit is Python's atexit module: register(func, *args, **kwargs)
// and unregister(func). The handlers run last registered first after the
// main program ends and non-daemon threads are joined (CPython runs
// threading._shutdown before the atexit callbacks). A handler that raises is
// reported on stderr as "Exception ignored in atexit callback: …" and the
// others still run.
//
// It registers the module with gpython from its init and runs its handlers
// from the interpreter's exit handlers (pyrt's Interp.OnExit); the facade
// (bridge) imports it for that effect. It imports gpython, bridge/pyrt
// (binding, the interpreter) and bridge/internal/pyobj (repr, exception
// text) and nothing above them.
package atexit

import (
	"sync"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pyobj"
	"github.com/pypool/pypool/bridge/pyrt"
)

type atexitHandler struct {
	fn     py.Object
	args   py.Tuple
	kwargs py.StringDict
}

type atexitState struct {
	mu       sync.Mutex
	handlers []atexitHandler
}

var atexitStates sync.Map // *Interp → *atexitState

func atexitOf(self py.Object) (*pyrt.Interp, *atexitState, error) {
	in, err := pyrt.InterpOfModule(self)
	if err != nil {
		return nil, nil, err
	}
	v, loaded := atexitStates.LoadOrStore(in, &atexitState{})
	st := v.(*atexitState)
	if !loaded {
		in.OnExit(func() { st.run(in) }, true)
	}
	return in, st, nil
}

// run calls the handlers, last registered first, and clears them.
func (st *atexitState) run(in *pyrt.Interp) {
	for {
		st.mu.Lock()
		n := len(st.handlers)
		if n == 0 {
			st.mu.Unlock()
			return
		}
		h := st.handlers[n-1]
		st.handlers = st.handlers[:n-1]
		st.mu.Unlock()
		if _, err := py.Call(h.fn, h.args, h.kwargs); err != nil {
			what := pyrt.TypeName(h.fn)
			if r, rerr := pyobj.Repr(h.fn); rerr == nil {
				what = r
			}
			_, _ = in.Stderr().Write([]byte("Exception ignored in atexit callback: " + what + "\n" + pyobj.FormatException(err)))
		}
	}
}

func init() {
	methods := []*py.Method{
		pyrt.Func("register", "func, /, *args, **kwargs", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			fn, err := a.Callable("func")
			if err != nil {
				return nil, py.ExceptionNewf(py.TypeError, "the first argument must be callable")
			}
			_, st, err := atexitOf(self)
			if err != nil {
				return nil, err
			}
			var kw py.StringDict
			if len(a.Kw) > 0 {
				kw = a.Kw
			}
			st.mu.Lock()
			st.handlers = append(st.handlers, atexitHandler{fn, a.Star, kw})
			st.mu.Unlock()
			return fn, nil
		}),
		pyrt.Func("unregister", "func, /", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			fn := a.Get("func")
			_, st, err := atexitOf(self)
			if err != nil {
				return nil, err
			}
			st.mu.Lock()
			keep := st.handlers[:0]
			for _, h := range st.handlers {
				if h.fn != fn {
					keep = append(keep, h)
				}
			}
			st.handlers = keep
			st.mu.Unlock()
			return py.None, nil
		}),
		pyrt.Func("_run_exitfuncs", "", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			in, st, err := atexitOf(self)
			if err != nil {
				return nil, err
			}
			st.run(in)
			return py.None, nil
		}),
		pyrt.Func("_clear", "", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			_, st, err := atexitOf(self)
			if err != nil {
				return nil, err
			}
			st.mu.Lock()
			st.handlers = nil
			st.mu.Unlock()
			return py.None, nil
		}),
		pyrt.Func("_ncallbacks", "", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			_, st, err := atexitOf(self)
			if err != nil {
				return nil, err
			}
			st.mu.Lock()
			defer st.mu.Unlock()
			return py.Int(len(st.handlers)), nil
		}),
	}
	py.RegisterModule(&py.ModuleImpl{
		Info:    py.ModuleInfo{Name: "atexit", Doc: "allow programmer to define multiple exit functions to be executed upon normal program termination.", FileDesc: "<atexit>"},
		Methods: methods,
		Globals: py.StringDict{},
	})
}
