package futures

// The constructors of ThreadPoolExecutor and ProcessPoolExecutor: their
// common arguments (max_workers, initializer, initargs) are read in one
// place, and so is the initializer of multiprocessing's pools.

import (
	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pickle"
	"github.com/pypool/pypool/bridge/internal/threading"
	"github.com/pypool/pypool/bridge/pyrt"
	"github.com/pypool/pypool/pool"
	"github.com/pypool/pypool/pool/wire"
)

// Initializer returns the engine option for a pool's initializer and
// initargs (nil when initializer is None): a thread pool calls it in place,
// a process pool sends it and its arguments by value.
func Initializer(it *pyrt.Interp, thread bool, fn, initargs py.Object) (pool.Option, error) {
	if fn == py.None {
		return nil, nil
	}
	if !pyrt.IsCallable(fn) {
		return nil, py.ExceptionNewf(py.TypeError, "initializer must be a callable")
	}
	var c pool.Callable
	if thread {
		c = NewThreadCall(it, fn)
	} else {
		pc, err := pickle.CallableOf(it, fn)
		if err != nil {
			return nil, err
		}
		if err := pc.Prepare(); err != nil {
			return nil, err
		}
		c = pc
	}
	args, err := initargsTuple(initargs)
	if err != nil {
		return nil, err
	}
	wargs := make([]wire.Value, len(args))
	for i, a := range args {
		if thread {
			wargs[i] = a
		} else if wargs[i], err = pickle.ToWire(a); err != nil {
			return nil, err
		}
	}
	return pool.Initializer(c, wargs...), nil
}

// initargsTuple reads initargs: any sequence (None: none).
func initargsTuple(o py.Object) (py.Tuple, error) {
	switch t := o.(type) {
	case py.NoneType:
		return nil, nil
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

// The executors' parameters, as CPython's __init__ (max_tasks_per_child is
// keyword-only there too).
const (
	threadExecutorSpec  = "max_workers=None, thread_name_prefix='', initializer=None, initargs=()"
	processExecutorSpec = "max_workers=None, mp_context=None, initializer=None, initargs=(), *, max_tasks_per_child=None"
)

// executorOptions reads the arguments both executors take.
func executorOptions(it *pyrt.Interp, thread bool, a *pyrt.Args) ([]pool.Option, error) {
	var opts []pool.Option
	n, has, err := a.OptIndex("max_workers")
	if err != nil {
		return nil, err
	}
	if has {
		if n <= 0 {
			return nil, py.ExceptionNewf(py.ValueError, "max_workers must be greater than 0")
		}
		opts = append(opts, pool.Workers(n))
	}
	initOpt, err := Initializer(it, thread, a.Get("initializer"), a.Get("initargs"))
	if err != nil {
		return nil, err
	}
	if initOpt != nil {
		opts = append(opts, initOpt)
	}
	return opts, nil
}

func newThreadPoolExecutor(it *pyrt.Interp, a *pyrt.Args) (py.Object, error) {
	opts, err := executorOptions(it, true, a)
	if err != nil {
		return nil, err
	}
	if !a.IsNone("thread_name_prefix") {
		p, err := py.StrAsString(a.Get("thread_name_prefix"))
		if err != nil {
			return nil, err
		}
		if p != "" {
			opts = append(opts, pool.ThreadNamePrefix(p))
		}
	}
	opts = append(opts, threading.WorkerThreads(it, false, func(w pool.WorkerInfo) string { return w.Name }))
	ex, err := pool.NewThreadPoolExecutor(opts...)
	if err != nil {
		return nil, PyError(it, err, nil, nil)
	}
	e := &pyExecutor{it: it, ex: ex, typ: threadExecutorType, max: ex.MaxWorkers()}
	trackExecutor(it, e)
	return e, nil
}

func newProcessPoolExecutor(it *pyrt.Interp, a *pyrt.Args) (py.Object, error) {
	opts, err := executorOptions(it, false, a)
	if err != nil {
		return nil, err
	}
	if !a.IsNone("max_tasks_per_child") {
		m, ok := a.Get("max_tasks_per_child").(py.Int)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "max_tasks_per_child must be an integer")
		}
		if m <= 0 {
			return nil, py.ExceptionNewf(py.ValueError, "max_tasks_per_child must be >= 1")
		}
		opts = append(opts, pool.MaxTasksPerChild(int(m)))
	}
	return NewProcessPoolExecutor(it, opts...)
}

// NewProcessPoolExecutor makes a concurrent.futures.ProcessPoolExecutor
// with the engine's options (multiprocessing.Process runs its target on one
// of a single worker).
func NewProcessPoolExecutor(it *pyrt.Interp, opts ...pool.Option) (py.Object, error) {
	ex, err := pool.NewProcessPoolExecutor(opts...)
	if err != nil {
		return nil, PyError(it, err, nil, nil)
	}
	e := &pyExecutor{it: it, ex: ex, process: true, typ: processExecutorType, max: ex.MaxWorkers()}
	trackExecutor(it, e)
	return e, nil
}
