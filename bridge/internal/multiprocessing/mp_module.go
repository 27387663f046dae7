package multiprocessing

// Registration of multiprocessing and its submodules (pool, context,
// process, dummy).

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"sync"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/futures"
	"github.com/pypool/pypool/bridge/internal/pickle"
	"github.com/pypool/pypool/bridge/internal/pyobj"
	"github.com/pypool/pypool/bridge/internal/threading"
	"github.com/pypool/pypool/bridge/pyrt"
	"github.com/pypool/pypool/pool"
)

// startMethods records set_start_method per interpreter.
var startMethods sync.Map // *Interp → string

var processCounter struct {
	sync.Mutex
	n int
}

func validStartMethod(m string) bool {
	return m == "spawn" || m == "fork" || m == "forkserver"
}

// getContext is get_context: the module itself (pypool has one context).
func getContext(self py.Object, a *pyrt.Args) (py.Object, error) {
	if !a.IsNone("method") {
		m, err := py.StrAsString(a.Get("method"))
		if err != nil {
			return nil, err
		}
		if !validStartMethod(m) {
			return nil, py.ExceptionNewf(py.ValueError, "cannot find context for '%s'", m)
		}
	}
	return self, nil
}

// poolFunc is the Pool (thread: ThreadPool) factory named name.
func poolFunc(name string, thread bool) *py.Method {
	spec := "processes=None, initializer=None, initargs=(), maxtasksperchild=None, context=None"
	if thread {
		spec = "processes=None, initializer=None, initargs=()"
	}
	return pyrt.Func(name, spec, func(self py.Object, a *pyrt.Args) (py.Object, error) {
		it, err := pyrt.InterpOfModule(self)
		if err != nil {
			return nil, err
		}
		return newPyPool(it, thread, a)
	})
}

func mpMethods() []*py.Method {
	return []*py.Method{
		poolFunc("Pool", false),
		pyrt.Func("current_process", "", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			return currentProcess(), nil
		}),
		pyrt.Func("parent_process", "", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			if p := currentProcess(); !p.isMainP {
				return &pyCurrentProcess{name: "MainProcess", pid: p.parent, isMainP: true}, nil
			}
			return py.None, nil
		}),
		// pypool's Process objects are not children: always empty
		pyrt.Func("active_children", "", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			return py.NewList(), nil
		}),
		pyrt.Func("cpu_count", "", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			return py.Int(runtime.NumCPU()), nil
		}),
		// a no-op: for Windows executables only
		pyrt.Func("freeze_support", "", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			return py.None, nil
		}),
		// 'spawn' unless set: pypool's workers are fresh processes
		pyrt.Func("get_start_method", "allow_none=False", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			it, err := pyrt.InterpOfModule(self)
			if err != nil {
				return nil, err
			}
			if m, ok := startMethods.Load(it); ok {
				return py.String(m.(string)), nil
			}
			return py.String("spawn"), nil
		}),
		pyrt.Func("get_all_start_methods", "", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			return py.NewListFromItems([]py.Object{py.String("fork"), py.String("spawn"), py.String("forkserver")}), nil
		}),
		// accepted and recorded; pypool has one start method
		pyrt.Func("set_start_method", "method, force=False", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			it, err := pyrt.InterpOfModule(self)
			if err != nil {
				return nil, err
			}
			if _, set := startMethods.Load(it); set && !pyrt.Truth(a.Get("force")) {
				return nil, py.ExceptionNewf(py.RuntimeError, "context has already been set")
			}
			m, err := py.StrAsString(a.Get("method"))
			if err != nil {
				return nil, err
			}
			if !validStartMethod(m) {
				return nil, py.ExceptionNewf(py.ValueError, "cannot find context for '%s'", m)
			}
			startMethods.Store(it, m)
			return py.None, nil
		}),
		pyrt.Func("get_context", "method=None", getContext),
		// the helpers of mp_process.py
		pyrt.Func("_next_process_number", "", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			processCounter.Lock()
			defer processCounter.Unlock()
			processCounter.n++
			return py.Int(processCounter.n), nil
		}),
		pyrt.Func("_class_name", "obj, /", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			return py.String(a.Get("obj").Type().Name), nil
		}),
		pyrt.Func("_getpid", "", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			return py.Int(os.Getpid()), nil
		}),
		pyrt.Func("_executor", "", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			it, err := pyrt.InterpOfModule(self)
			if err != nil {
				return nil, err
			}
			return futures.NewProcessPoolExecutor(it, pool.Workers(1))
		}),
		pyrt.Func("_set_process_name", "name, /", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			s, err := py.StrAsString(a.Get("name"))
			if err != nil {
				return nil, err
			}
			procNameMu.Lock()
			procNameOverride = s
			procNameMu.Unlock()
			return py.None, nil
		}),
		pyrt.Func("_print_process_error", "name, exc, /", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			it, err := pyrt.InterpOfModule(self)
			if err != nil {
				return nil, err
			}
			name, _ := py.StrAsString(a.Get("name"))
			err = pyrt.NewException(py.SystemError, py.String("unknown error"))
			if e, ok := a.Get("exc").(*py.Exception); ok {
				err = e
			}
			_, _ = fmt.Fprintf(it.Stderr(), "Process %s:\n%s", name, pyobj.FormatException(err))
			return py.None, nil
		}),
		pyrt.Func("_process_exitcode", "future, /", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			f, ok := a.Get("future").(*futures.Future)
			if !ok || !f.Engine.Done() {
				return py.None, nil
			}
			v, err := f.Engine.ResultTimeout(0)
			if err == nil {
				o, err := f.Outcome(v, nil)
				if err != nil {
					return nil, err
				}
				return o, nil
			}
			var lost *pool.WorkerLostError
			if errors.As(err, &lost) {
				if lost.Signal != 0 {
					return py.Int(-int(lost.Signal)), nil
				}
				return py.Int(lost.ExitCode), nil
			}
			return py.Int(1), nil
		}),
		pyrt.Func("_exit_code", "exc, /", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			e, ok := a.Get("exc").(*py.Exception)
			if !ok {
				return py.Int(1), nil
			}
			var code py.Object = py.None
			if t, ok := e.Args.(py.Tuple); ok && len(t) > 0 {
				code = t[0]
			}
			switch c := code.(type) {
			case py.Int:
				return c, nil
			case py.Bool:
				if c {
					return py.Int(1), nil
				}
				return py.Int(0), nil
			}
			if code == py.None {
				return py.Int(0), nil
			}
			s, _ := py.StrAsString(code)
			_, _ = fmt.Fprintln(os.Stderr, s)
			return py.Int(1), nil
		}),
	}
}

func mpGlobals() py.StringDict {
	return py.StringDict{
		"ProcessError":        processError,
		"TimeoutError":        mpTimeoutError,
		"BufferTooShort":      bufferTooShort,
		"AuthenticationError": authenticationError,
	}
}

func init() {
	methods := mpMethods()
	mp := &py.ModuleImpl{
		Info:    py.ModuleInfo{Name: "multiprocessing", Doc: "Process-based parallelism.", FileDesc: "<multiprocessing>"},
		Methods: methods,
		Globals: mpGlobals(),
	}
	addSyncModules(mp)
	py.RegisterModule(mp)
	pyobj.RegisterLazySource(mp, "<multiprocessing>", processSource, processSourceNames...)
	ctxG := mpGlobals()
	for k, v := range syncGlobals() {
		ctxG[k] = v
	}
	py.RegisterModule(&py.ModuleImpl{
		Info:    py.ModuleInfo{Name: "multiprocessing.context", FileDesc: "<multiprocessing.context>"},
		Methods: pyrt.PickMethods(methods, "get_context", "get_start_method", "set_start_method", "cpu_count", "current_process"),
		Globals: ctxG,
	})
	py.RegisterModule(&py.ModuleImpl{
		Info:    py.ModuleInfo{Name: "multiprocessing.process", FileDesc: "<multiprocessing.process>"},
		Methods: pyrt.PickMethods(methods, "current_process", "parent_process", "active_children"),
		Globals: py.StringDict{"BaseProcess": currentProcessType},
	})
	poolMethods := append(pyrt.PickMethods(methods, "Pool"), poolFunc("ThreadPool", true))
	py.RegisterModule(&py.ModuleImpl{
		Info:    py.ModuleInfo{Name: "multiprocessing.pool", FileDesc: "<multiprocessing.pool>"},
		Methods: poolMethods,
		Globals: py.StringDict{
			"TimeoutError":       mpTimeoutError,
			"WorkerLostError":    workerLostError,
			"MaybeEncodingError": maybeEncodingError,
			"RemoteTraceback":    pickle.PoolRemoteTraceback,
			"AsyncResult":        asyncResultType,
			"ApplyResult":        asyncResultType,
			"IMapIterator":       imapIteratorType,
			// the pool states, as CPython's pool.py names them
			"INIT":      py.String("INIT"),
			"RUN":       py.String("RUN"),
			"CLOSE":     py.String("CLOSE"),
			"TERMINATE": py.String("TERMINATE"),
		},
	})
	py.RegisterModule(&py.ModuleImpl{
		Info: py.ModuleInfo{Name: "multiprocessing.dummy", FileDesc: "<multiprocessing.dummy>"},
		Methods: []*py.Method{
			poolFunc("Pool", true), // a ThreadPool
			// the current thread: multiprocessing.dummy's processes are threads
			pyrt.Func("current_process", "", func(self py.Object, a *pyrt.Args) (py.Object, error) {
				it, err := pyrt.InterpOfModule(self)
				if err != nil {
					return nil, err
				}
				return threading.CurrentThread(it)
			}),
			pyrt.Func("cpu_count", "", func(self py.Object, a *pyrt.Args) (py.Object, error) {
				return py.Int(runtime.NumCPU()), nil
			}),
		},
		Globals: mpGlobals(),
	})
}
