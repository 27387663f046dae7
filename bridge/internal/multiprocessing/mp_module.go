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

func mpMethods() []*py.Method {
	return []*py.Method{
		pyrt.ModFunc("Pool", "Pool(processes=None, initializer=None, initargs=(), maxtasksperchild=None)", func(it *pyrt.Interp, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			return newPyPool(it, "Pool", false, args, kwargs)
		}),
		pyrt.ModFunc("current_process", "Return process object representing the current process.", func(it *pyrt.Interp, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if err := pyrt.NoArgs("current_process", args, kwargs); err != nil {
				return nil, err
			}
			return currentProcess(), nil
		}),
		pyrt.ModFunc("parent_process", "Return the parent process, or None in the main process.", func(it *pyrt.Interp, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if p := currentProcess(); !p.isMainP {
				return &pyCurrentProcess{name: "MainProcess", pid: p.parent, isMainP: true}, nil
			}
			return py.None, nil
		}),
		pyrt.ModFunc("active_children", "Return the live child processes (pypool: always empty).", func(it *pyrt.Interp, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			return py.NewList(), nil
		}),
		pyrt.ModFunc("cpu_count", "Returns the number of CPUs in the system.", func(it *pyrt.Interp, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if err := pyrt.NoArgs("cpu_count", args, kwargs); err != nil {
				return nil, err
			}
			return py.Int(runtime.NumCPU()), nil
		}),
		pyrt.ModFunc("freeze_support", "No-op (Windows executables only).", func(it *pyrt.Interp, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			return py.None, nil
		}),
		pyrt.ModFunc("get_start_method", "The start method ('spawn': pypool's workers are fresh processes).", func(it *pyrt.Interp, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if _, err := pyrt.ParseArgs("get_start_method", args, kwargs, []string{"allow_none"}, 0); err != nil {
				return nil, err
			}
			if m, ok := startMethods.Load(it); ok {
				return py.String(m.(string)), nil
			}
			return py.String("spawn"), nil
		}),
		pyrt.ModFunc("get_all_start_methods", "", func(it *pyrt.Interp, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			return py.NewListFromItems([]py.Object{py.String("fork"), py.String("spawn"), py.String("forkserver")}), nil
		}),
		pyrt.ModFunc("set_start_method", "Accepted; pypool has one start method.", func(it *pyrt.Interp, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			v, err := pyrt.ParseArgs("set_start_method", args, kwargs, []string{"method", "force"}, 1)
			if err != nil {
				return nil, err
			}
			if _, set := startMethods.Load(it); set && !pyrt.Truth(v[1]) {
				return nil, py.ExceptionNewf(py.RuntimeError, "context has already been set")
			}
			m, err := py.StrAsString(v[0])
			if err != nil {
				return nil, err
			}
			if !validStartMethod(m) {
				return nil, py.ExceptionNewf(py.ValueError, "cannot find context for '%s'", m)
			}
			startMethods.Store(it, m)
			return py.None, nil
		}),
		pyrt.DefFunc("get_context", "Returns the module itself (pypool has one context).", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			v, err := pyrt.ParseArgs("get_context", args, kwargs, []string{"method"}, 0)
			if err != nil {
				return nil, err
			}
			if v[0] != nil && v[0] != py.None {
				m, err := py.StrAsString(v[0])
				if err != nil {
					return nil, err
				}
				if !validStartMethod(m) {
					return nil, py.ExceptionNewf(py.ValueError, "cannot find context for '%s'", m)
				}
			}
			return self, nil
		}),
		pyrt.DefFunc("_next_process_number", "", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			processCounter.Lock()
			defer processCounter.Unlock()
			processCounter.n++
			return py.Int(processCounter.n), nil
		}),
		pyrt.DefFunc("_class_name", "", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			return py.String(args[0].Type().Name), nil
		}),
		pyrt.DefFunc("_getpid", "", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			return py.Int(os.Getpid()), nil
		}),
		pyrt.ModFunc("_executor", "", func(it *pyrt.Interp, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			return futures.NewProcessPoolExecutor(it, py.Tuple{py.Int(1)}, nil)
		}),
		pyrt.DefFunc("_set_process_name", "", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			s, err := py.StrAsString(args[0])
			if err != nil {
				return nil, err
			}
			procNameMu.Lock()
			procNameOverride = s
			procNameMu.Unlock()
			return py.None, nil
		}),
		pyrt.ModFunc("_print_process_error", "", func(it *pyrt.Interp, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			name, _ := py.StrAsString(args[0])
			var err error = pyrt.NewExc(py.SystemError, "unknown error")
			if e, ok := args[1].(*py.Exception); ok {
				err = e
			}
			_, _ = fmt.Fprintf(it.Stderr(), "Process %s:\n%s", name, pyobj.FormatException(err))
			return py.None, nil
		}),
		pyrt.ModFunc("_process_exitcode", "", func(it *pyrt.Interp, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			f, ok := args[0].(*futures.Future)
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
		pyrt.DefFunc("_exit_code", "", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			e, ok := args[0].(*py.Exception)
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
	py.RegisterModule(mp)
	pyobj.RegisterLazySource(mp, "<multiprocessing>", processSource, processSourceNames...)
	ctxG := mpGlobals()
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
	poolMethods := append(pyrt.PickMethods(methods, "Pool"), pyrt.ModFunc("ThreadPool", "ThreadPool(processes=None, initializer=None, initargs=())", func(it *pyrt.Interp, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		return newPyPool(it, "ThreadPool", true, args, kwargs)
	}))
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
		},
	})
	py.RegisterModule(&py.ModuleImpl{
		Info: py.ModuleInfo{Name: "multiprocessing.dummy", FileDesc: "<multiprocessing.dummy>"},
		Methods: []*py.Method{
			pyrt.ModFunc("Pool", "Pool(processes=None, initializer=None, initargs=()): a ThreadPool", func(it *pyrt.Interp, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
				return newPyPool(it, "Pool", true, args, kwargs)
			}),
			pyrt.ModFunc("current_process", "The current thread (multiprocessing.dummy's processes are threads).", func(it *pyrt.Interp, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
				return threading.CurrentThread(it)
			}),
			pyrt.ModFunc("cpu_count", "Returns the number of CPUs in the system.", func(it *pyrt.Interp, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
				return py.Int(runtime.NumCPU()), nil
			}),
		},
		Globals: mpGlobals(),
	})
}
