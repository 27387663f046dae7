package threading

// Registration of the threading module: its Go functions and the factories
// of its synchronisation objects.

import (
	"math"
	"strconv"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
)

// interpOf finds the interpreter running a threading function (self is the
// module it is called on) and notes the module's globals for threadObject.
func interpOf(self py.Object) (*pyrt.Interp, error) {
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
	return it, nil
}

func threadingMethods() []*py.Method {
	currentThread := func(self py.Object, a *pyrt.Args) (py.Object, error) {
		it, err := interpOf(self)
		if err != nil {
			return nil, err
		}
		return CurrentThread(it)
	}
	activeCount := func(self py.Object, a *pyrt.Args) (py.Object, error) {
		it, err := interpOf(self)
		if err != nil {
			return nil, err
		}
		return py.Int(len(threadsOf(it).aliveList())), nil
	}
	// deprecated names warn at the caller's line (the _pypool_at keyword
	// the deprecated-aliases rewrite adds, see threading_warnsite.go)
	deprecated := func(msg string, fn func(self py.Object, a *pyrt.Args) (py.Object, error)) func(self py.Object, a *pyrt.Args) (py.Object, error) {
		return func(self py.Object, a *pyrt.Args) (py.Object, error) {
			it, err := interpOf(self)
			if err != nil {
				return nil, err
			}
			if err := deprecationWarning(it, msg, a.Get(warnSiteKw)); err != nil {
				return nil, err
			}
			return fn(self, a)
		}
	}
	withInterp := func(fn func(it *pyrt.Interp, a *pyrt.Args) (py.Object, error)) func(self py.Object, a *pyrt.Args) (py.Object, error) {
		return func(self py.Object, a *pyrt.Args) (py.Object, error) {
			it, err := interpOf(self)
			if err != nil {
				return nil, err
			}
			return fn(it, a)
		}
	}
	return []*py.Method{
		pyrt.Func("current_thread", "", currentThread),
		pyrt.Func("currentThread", "*, "+warnSiteKw+"=None", deprecated("currentThread() is deprecated, use current_thread() instead", currentThread)),
		pyrt.Func("main_thread", "", withInterp(func(it *pyrt.Interp, a *pyrt.Args) (py.Object, error) {
			return threadObject(it, threadsOf(it).main)
		})),
		pyrt.Func("get_ident", "", withInterp(func(it *pyrt.Interp, a *pyrt.Args) (py.Object, error) {
			return py.Int(threadsOf(it).current(it).ident), nil
		})),
		pyrt.Func("get_native_id", "", withInterp(func(it *pyrt.Interp, a *pyrt.Args) (py.Object, error) {
			return py.Int(threadsOf(it).current(it).ident), nil
		})),
		pyrt.Func("active_count", "", activeCount),
		pyrt.Func("activeCount", "*, "+warnSiteKw+"=None", deprecated("activeCount() is deprecated, use active_count() instead", activeCount)),
		pyrt.Func("enumerate", "", withInterp(func(it *pyrt.Interp, a *pyrt.Args) (py.Object, error) {
			var out []py.Object
			for _, ts := range threadsOf(it).aliveList() {
				o, err := threadObject(it, ts)
				if err != nil {
					return nil, err
				}
				out = append(out, o)
			}
			return py.NewListFromItems(out), nil
		})),
		pyrt.Func("_newname", "", withInterp(func(it *pyrt.Interp, a *pyrt.Args) (py.Object, error) {
			return py.String("Thread-" + strconv.Itoa(NextThreadNumber(it))), nil
		})),
		pyrt.Func("_start", "thread, /", withInterp(func(it *pyrt.Interp, a *pyrt.Args) (py.Object, error) {
			return py.None, startThread(it, a.Get("thread"))
		})),
		pyrt.Func("_join", "thread, timeout, /", withInterp(func(it *pyrt.Interp, a *pyrt.Args) (py.Object, error) {
			return py.None, joinThread(it, a.Get("thread"), a.Get("timeout"))
		})),
		pyrt.Func("_is_alive", "thread, /", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			return py.NewBool(isAlive(a.Get("thread"))), nil
		}),
		pyrt.Func("_thread_repr", "thread, /", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			s, err := threadRepr(a.Get("thread"))
			return py.String(s), err
		}),
		pyrt.Func("Lock", "", withInterp(func(it *pyrt.Interp, a *pyrt.Args) (py.Object, error) {
			return newLock(it), nil
		})),
		pyrt.Func("RLock", "", withInterp(func(it *pyrt.Interp, a *pyrt.Args) (py.Object, error) {
			return newRLock(it), nil
		})),
		pyrt.Func("Event", "", withInterp(func(it *pyrt.Interp, a *pyrt.Args) (py.Object, error) {
			return &pyEvent{it: it, ch: make(chan struct{})}, nil
		})),
		pyrt.Func("Condition", "lock=None", withInterp(func(it *pyrt.Interp, a *pyrt.Args) (py.Object, error) {
			var l goLock
			if a.IsNone("lock") {
				l = newRLock(it)
			} else if gl, ok := a.Get("lock").(goLock); ok {
				l = gl
			} else {
				return nil, py.ExceptionNewf(py.TypeError, "Condition() lock must be a threading.Lock or RLock, not %s", a.Get("lock").Type().Name)
			}
			return &pyCondition{it: it, lock: l}, nil
		})),
		pyrt.Func("Semaphore", "value=1", withInterp(func(it *pyrt.Interp, a *pyrt.Args) (py.Object, error) {
			return newSemaphore(it, false, a)
		})),
		pyrt.Func("BoundedSemaphore", "value=1", withInterp(func(it *pyrt.Interp, a *pyrt.Args) (py.Object, error) {
			return newSemaphore(it, true, a)
		})),
		pyrt.Func("Barrier", "parties, action=None, timeout=None", withInterp(func(it *pyrt.Interp, a *pyrt.Args) (py.Object, error) {
			n, err := py.IndexInt(a.Get("parties"))
			if err != nil {
				return nil, err
			}
			if n < 1 {
				return nil, py.ExceptionNewf(py.ValueError, "parties must be > 0")
			}
			return &pyBarrier{it: it, parties: n, action: a.Get("action"), timeout: a.Get("timeout"), gen: &barrierGen{ch: make(chan struct{})}}, nil
		})),
		// not supported: accepted and ignored
		pyrt.Func("settrace", "func", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			return py.None, nil
		}),
		pyrt.Func("setprofile", "func", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			return py.None, nil
		}),
	}
}

func newSemaphore(it *pyrt.Interp, bounded bool, a *pyrt.Args) (py.Object, error) {
	n, err := py.IndexInt(a.Get("value"))
	if err != nil {
		return nil, err
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
