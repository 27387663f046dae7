package futures

// concurrent.futures.ThreadPoolExecutor and ProcessPoolExecutor: Python
// objects over the engine's executors.

import (
	"context"
	"sync"
	"sync/atomic"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pickle"
	"github.com/pypool/pypool/bridge/internal/threading"
	"github.com/pypool/pypool/bridge/pyrt"
	"github.com/pypool/pypool/pool"
	"github.com/pypool/pypool/pool/wire"
)

// A pyExecutor is a ThreadPoolExecutor or a ProcessPoolExecutor.
type pyExecutor struct {
	it      *pyrt.Interp
	ex      pool.Executor
	process bool
	typ     *py.Type
	max     int

	mu       sync.Mutex
	shutdown bool
}

var (
	threadExecutorType  = pyrt.NewClass("concurrent.futures.thread", "ThreadPoolExecutor", "An executor that runs calls in a pool of threads.", nil)
	processExecutorType = pyrt.NewClass("concurrent.futures.process", "ProcessPoolExecutor", "An executor that runs calls in a pool of processes.", nil)
)

// Type implements py.Object.
func (e *pyExecutor) Type() *py.Type { return e.typ }

// executors lists the executors an interpreter made, for exit.
var executorsOf sync.Map // *Interp → *[]*pyExecutor (guarded by executorsMu)
var executorsMu sync.Mutex

func trackExecutor(it *pyrt.Interp, e *pyExecutor) {
	executorsMu.Lock()
	defer executorsMu.Unlock()
	v, _ := executorsOf.LoadOrStore(it, &[]*pyExecutor{})
	l := v.(*[]*pyExecutor)
	if len(*l) == 0 {
		it.OnExit(func() { shutdownExecutorsAtExit(it) }, false)
	}
	*l = append(*l, e)
}

// shutdownExecutorsAtExit is CPython's concurrent.futures _python_exit:
// queued work is finished and the workers joined.
func shutdownExecutorsAtExit(it *pyrt.Interp) {
	executorsMu.Lock()
	v, _ := executorsOf.LoadAndDelete(it)
	executorsMu.Unlock()
	if v == nil {
		return
	}
	for _, e := range *v.(*[]*pyExecutor) {
		it.GIL.Released(func() { e.ex.Shutdown(true, false) })
	}
	callbacks(it).drain()
}

// ThreadCall runs a Python callable on a thread executor's worker: it takes
// the GIL as the worker's Python thread.
type ThreadCall struct {
	it    *pyrt.Interp
	fn    py.Object
	ranOn atomic.Pointer[threading.ThreadState] // the worker's thread, once it ran
}

// NewThreadCall makes the call of fn on it's thread-pool workers.
func NewThreadCall(it *pyrt.Interp, fn py.Object) *ThreadCall {
	return &ThreadCall{it: it, fn: fn}
}

// Call implements pool.Callable; args hold Python objects.
func (c *ThreadCall) Call(ctx context.Context, args []wire.Value, kwargs []wire.KV) (wire.Value, error) {
	it := c.it
	ts := threading.HelperThread(it)
	if w, ok := pool.WorkerOf(ctx); ok {
		if wts, ok := w.Value.(*threading.ThreadState); ok {
			ts = wts
		}
	}
	var (
		res py.Object
		err error
	)
	c.ranOn.Store(ts)
	threading.RunAs(it, ts, func() { res, err = c.call(args, kwargs) })
	if err != nil {
		return nil, err
	}
	return res, nil
}

func (c *ThreadCall) call(args []wire.Value, kwargs []wire.KV) (py.Object, error) {
	pargs := make(py.Tuple, len(args))
	for i, a := range args {
		o, ok := a.(py.Object)
		if !ok {
			return nil, pyrt.NewException(py.SystemError, py.String("thread executor got a non-Python argument"))
		}
		pargs[i] = o
	}
	var kw py.StringDict
	if len(kwargs) > 0 {
		kw = py.StringDict{}
		for _, p := range kwargs {
			k, _ := p.Key.(string)
			kw[k] = p.Value.(py.Object)
		}
	}
	return py.Call(c.fn, pargs, kw)
}

// execArgs turns Python positional and keyword arguments into the engine's,
// as wire values for process executors.
func (e *pyExecutor) execArgs(args py.Tuple, kwargs py.StringDict) ([]wire.Value, []wire.KV, error) {
	out := make([]wire.Value, len(args))
	for i, a := range args {
		if e.process {
			v, err := pickle.ToWire(a)
			if err != nil {
				return nil, nil, err
			}
			out[i] = v
		} else {
			out[i] = a
		}
	}
	var kv []wire.KV
	for k, v := range kwargs {
		var val wire.Value = v
		if e.process {
			w, err := pickle.ToWire(v)
			if err != nil {
				return nil, nil, err
			}
			val = w
		}
		kv = append(kv, wire.KV{Key: k, Value: val})
	}
	return out, kv, nil
}

// callable turns fn into what the executor runs.
func (e *pyExecutor) callable(fn py.Object) (pool.Callable, error) {
	if !e.process {
		return NewThreadCall(e.it, fn), nil
	}
	c, err := pickle.CallableOf(e.it, fn)
	if err != nil {
		return nil, err
	}
	if err := c.Prepare(); err != nil {
		return nil, err
	}
	return c, nil
}

// failedFuture is a finished future holding err: where CPython's pickling
// of a task fails, the future gets the error.
func (e *pyExecutor) failedFuture(err error) *Future {
	f := pool.NewFuture[wire.Value]()
	f.SetRunningOrNotifyCancel()
	f.SetException(err)
	return newFuture(e.it, f, e.process, cbDirect)
}

func (e *pyExecutor) submit(fn py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if !pyrt.IsCallable(fn) {
		return nil, py.ExceptionNewf(py.TypeError, "'%s' object is not callable", fn.Type().Name)
	}
	c, err := e.callable(fn)
	if err != nil {
		if e.process {
			return e.failedFuture(err), nil
		}
		return nil, err
	}
	a, kw, err := e.execArgs(args, kwargs)
	if err != nil {
		return e.failedFuture(err), nil
	}
	var f *pool.Future[wire.Value]
	holdingGIL(e.it, func() { f, err = e.ex.SubmitCall(c, a, kw) })
	if err != nil {
		return nil, PyError(e.it, err, nil, nil)
	}
	if e.process {
		return newFuture(e.it, f, true, cbQueued), nil
	}
	pf := newFuture(e.it, f, false, cbThread)
	pf.call, _ = c.(*ThreadCall)
	return pf, nil
}

func (e *pyExecutor) shutdownPy(wait, cancel bool) error {
	e.mu.Lock()
	e.shutdown = true
	e.mu.Unlock()
	if cancel {
		holdingGIL(e.it, func() { e.ex.Shutdown(false, true) })
	}
	if wait {
		if _, err := e.it.Blocking(func() { e.ex.Shutdown(true, false) }); err != nil {
			return err // KeyboardInterrupt: the shutdown goes on by itself
		}
		callbacks(e.it).drain()
	} else {
		holdingGIL(e.it, func() { e.ex.Shutdown(false, false) })
	}
	return nil
}
