package futures

// concurrent.futures.ProcessPoolExecutor's constructor.

import (
	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pickle"
	"github.com/pypool/pypool/bridge/pyrt"
	"github.com/pypool/pypool/pool"
	"github.com/pypool/pypool/pool/wire"
)

// ProcessInitializer returns the engine option for a Python initializer
// and its initargs, for process pools (they travel by value).
func ProcessInitializer(it *pyrt.Interp, fn, initargs py.Object) (pool.Option, error) {
	if fn == nil || fn == py.None {
		return nil, nil
	}
	if !pyrt.IsCallable(fn) {
		return nil, py.ExceptionNewf(py.TypeError, "initializer must be a callable")
	}
	c, err := pickle.CallableOf(it, fn)
	if err != nil {
		return nil, err
	}
	if err := c.Prepare(); err != nil {
		return nil, err
	}
	args, err := pyrt.TupleArg(initargs)
	if err != nil {
		return nil, err
	}
	wargs := make([]wire.Value, len(args))
	for i, a := range args {
		if wargs[i], err = pickle.ToWire(a); err != nil {
			return nil, err
		}
	}
	return pool.Initializer(c, wargs...), nil
}

func NewProcessPoolExecutor(it *pyrt.Interp, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	v, err := pyrt.ParseArgs("ProcessPoolExecutor", args, kwargs, []string{"max_workers", "mp_context", "initializer", "initargs", "max_tasks_per_child"}, 0)
	if err != nil {
		return nil, err
	}
	var opts []pool.Option
	n, has, err := optInt(v[0])
	if err != nil {
		return nil, err
	}
	if has {
		if n <= 0 {
			return nil, py.ExceptionNewf(py.ValueError, "max_workers must be greater than 0")
		}
		opts = append(opts, pool.Workers(n))
	}
	initOpt, err := ProcessInitializer(it, v[2], v[3])
	if err != nil {
		return nil, err
	}
	if initOpt != nil {
		opts = append(opts, initOpt)
	}
	if v[4] != nil && v[4] != py.None {
		m, ok := v[4].(py.Int)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "max_tasks_per_child must be an integer")
		}
		if m <= 0 {
			return nil, py.ExceptionNewf(py.ValueError, "max_tasks_per_child must be >= 1")
		}
		opts = append(opts, pool.MaxTasksPerChild(int(m)))
	}
	ex, err := pool.NewProcessPoolExecutor(opts...)
	if err != nil {
		return nil, PyError(it, err, nil, nil)
	}
	e := &pyExecutor{it: it, ex: ex, process: true, typ: processExecutorType, max: ex.MaxWorkers()}
	trackExecutor(it, e)
	return e, nil
}
