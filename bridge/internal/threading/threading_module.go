package threading

// Registration of the threading module: its Go functions and the factories
// of its synchronisation objects.

import (
	"math"
	"strconv"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

// threadingFunc wraps a module function that needs the interpreter.
func threadingFunc(name, doc string, fn func(it *pyrt.Interp, args py.Tuple, kwargs py.StringDict) (py.Object, error)) *py.Method {
	return pyrt.DefFunc(name, doc, func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		it, err := pyrt.InterpOfModule(self)
		if err != nil {
			return nil, err
		}
		if m, ok := self.(*py.Module); ok {
			th := threadsOf(it)
			th.mu.Lock()
			if th.modCache == nil && m.Globals["__name__"] == py.String("threading") {
				th.modCache = m.Globals
			}
			th.mu.Unlock()
		}
		return fn(it, args, kwargs)
	})
}

func threadingMethods() []*py.Method {
	current := func(fname string) func(it *pyrt.Interp, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		return func(it *pyrt.Interp, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if err := pyrt.NoArgs(fname, args, kwargs); err != nil {
				return nil, err
			}
			return CurrentThread(it)
		}
	}
	return []*py.Method{
		threadingFunc("current_thread", "Return the current Thread object.", current("current_thread")),
		threadingFunc("currentThread", "Deprecated alias of current_thread().", func(it *pyrt.Interp, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if err := deprecationWarning(it, "currentThread() is deprecated, use current_thread() instead", kwargs); err != nil {
				return nil, err
			}
			return current("currentThread")(it, args, kwargs)
		}),
		threadingFunc("main_thread", "Return the main thread object.", func(it *pyrt.Interp, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if err := pyrt.NoArgs("main_thread", args, kwargs); err != nil {
				return nil, err
			}
			return threadObject(it, threadsOf(it).main)
		}),
		threadingFunc("get_ident", "Return the current thread's identifier.", func(it *pyrt.Interp, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if err := pyrt.NoArgs("get_ident", args, kwargs); err != nil {
				return nil, err
			}
			return py.Int(threadsOf(it).current(it).ident), nil
		}),
		threadingFunc("get_native_id", "Return the current thread's native identifier.", func(it *pyrt.Interp, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			return py.Int(threadsOf(it).current(it).ident), nil
		}),
		threadingFunc("active_count", "Return the number of Thread objects currently alive.", func(it *pyrt.Interp, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			return py.Int(len(threadsOf(it).aliveList())), nil
		}),
		threadingFunc("activeCount", "Deprecated alias of active_count().", func(it *pyrt.Interp, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if err := deprecationWarning(it, "activeCount() is deprecated, use active_count() instead", kwargs); err != nil {
				return nil, err
			}
			return py.Int(len(threadsOf(it).aliveList())), nil
		}),
		threadingFunc("enumerate", "Return a list of all Thread objects currently alive.", func(it *pyrt.Interp, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			var out []py.Object
			for _, ts := range threadsOf(it).aliveList() {
				o, err := threadObject(it, ts)
				if err != nil {
					return nil, err
				}
				out = append(out, o)
			}
			return py.NewListFromItems(out), nil
		}),
		threadingFunc("_newname", "", func(it *pyrt.Interp, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			return py.String("Thread-" + strconv.Itoa(NextThreadNumber(it))), nil
		}),
		threadingFunc("_start", "", func(it *pyrt.Interp, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			return py.None, startThread(it, args[0])
		}),
		threadingFunc("_join", "", func(it *pyrt.Interp, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			return py.None, joinThread(it, args[0], args[1])
		}),
		threadingFunc("_is_alive", "", func(it *pyrt.Interp, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			return py.NewBool(isAlive(args[0])), nil
		}),
		threadingFunc("_thread_repr", "", func(it *pyrt.Interp, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			s, err := threadRepr(args[0])
			return py.String(s), err
		}),
		threadingFunc("Lock", "Allocate a lock.", func(it *pyrt.Interp, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if err := pyrt.NoArgs("Lock", args, kwargs); err != nil {
				return nil, err
			}
			return newLock(it), nil
		}),
		threadingFunc("RLock", "Allocate a reentrant lock.", func(it *pyrt.Interp, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if err := pyrt.NoArgs("RLock", args, kwargs); err != nil {
				return nil, err
			}
			return newRLock(it), nil
		}),
		threadingFunc("Event", "Make an event, initially false.", func(it *pyrt.Interp, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if err := pyrt.NoArgs("Event", args, kwargs); err != nil {
				return nil, err
			}
			return &pyEvent{it: it, ch: make(chan struct{})}, nil
		}),
		threadingFunc("Condition", "Make a condition variable.", func(it *pyrt.Interp, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			v, err := pyrt.ParseArgs("Condition", args, kwargs, []string{"lock"}, 0)
			if err != nil {
				return nil, err
			}
			var l goLock
			if v[0] == nil || v[0] == py.None {
				l = newRLock(it)
			} else if gl, ok := v[0].(goLock); ok {
				l = gl
			} else {
				return nil, py.ExceptionNewf(py.TypeError, "Condition() lock must be a threading.Lock or RLock, not %s", v[0].Type().Name)
			}
			return &pyCondition{it: it, lock: l}, nil
		}),
		threadingFunc("Semaphore", "Make a semaphore.", func(it *pyrt.Interp, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			return newSemaphore(it, "Semaphore", false, args, kwargs)
		}),
		threadingFunc("BoundedSemaphore", "Make a bounded semaphore.", func(it *pyrt.Interp, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			return newSemaphore(it, "BoundedSemaphore", true, args, kwargs)
		}),
		threadingFunc("Barrier", "Make a barrier for parties threads.", func(it *pyrt.Interp, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			v, err := pyrt.ParseArgs("Barrier", args, kwargs, []string{"parties", "action", "timeout"}, 1)
			if err != nil {
				return nil, err
			}
			n, err := py.IndexInt(v[0])
			if err != nil {
				return nil, err
			}
			if n < 1 {
				return nil, py.ExceptionNewf(py.ValueError, "parties must be > 0")
			}
			return &pyBarrier{it: it, parties: n, action: v[1], timeout: v[2], gen: &barrierGen{ch: make(chan struct{})}}, nil
		}),
		threadingFunc("settrace", "Not supported: accepted and ignored.", func(it *pyrt.Interp, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			return py.None, nil
		}),
		threadingFunc("setprofile", "Not supported: accepted and ignored.", func(it *pyrt.Interp, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			return py.None, nil
		}),
	}
}

func newSemaphore(it *pyrt.Interp, fname string, bounded bool, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	v, err := pyrt.ParseArgs(fname, args, kwargs, []string{"value"}, 0)
	if err != nil {
		return nil, err
	}
	n := 1
	if v[0] != nil {
		if n, err = py.IndexInt(v[0]); err != nil {
			return nil, err
		}
	}
	if n < 0 {
		return nil, py.ExceptionNewf(py.ValueError, "semaphore initial value must be >= 0")
	}
	return &pySemaphore{it: it, value: n, initial: n, bounded: bounded}, nil
}

func init() {
	py.RegisterModule(&py.ModuleImpl{
		Info: py.ModuleInfo{
			Name:     "threading",
			Doc:      "Thread module emulating a subset of Java's threading model.",
			FileDesc: "<threading>",
		},
		Methods: threadingMethods(),
		Globals: py.StringDict{
			"TIMEOUT_MAX":        py.Float(math.MaxInt32),
			"BrokenBarrierError": brokenBarrierError,
			"ThreadError":        py.RuntimeError,
		},
		CodeSrc: threadingSrc,
	})
	initSyncMethods()
}
