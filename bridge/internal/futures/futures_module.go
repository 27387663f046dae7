package futures

// Registration of concurrent.futures and its submodules: the executors'
// and futures' Python methods, wait and as_completed.

import (
	"iter"
	"time"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pickle"
	"github.com/pypool/pypool/bridge/pyrt"
	"github.com/pypool/pypool/pool"
	"github.com/pypool/pypool/pool/wire"
)

// mapChunks is ProcessPoolExecutor.map with chunksize > 1, as CPython's:
// the calls go to the workers chunksize at a time (the engine's MapCall,
// CPython's _process_chunk), a chunk failing with its first error. ok is
// false, and nothing is submitted, when fn or an argument cannot be sent:
// the caller then submits call by call, so that only those calls fail.
func (e *pyExecutor) mapChunks(fn py.Object, calls []py.Tuple, d time.Duration, limited bool, chunksize int) (py.Object, bool, error) {
	ex, isProcess := e.ex.(*pool.ProcessPoolExecutor)
	if !isProcess || !pyrt.IsCallable(fn) {
		return nil, false, nil
	}
	c, err := e.callable(fn)
	if err != nil {
		return nil, false, nil
	}
	wcalls := make([][]wire.Value, len(calls))
	for i, call := range calls {
		if wcalls[i], _, err = e.execArgs(call, nil); err != nil {
			return nil, false, nil
		}
	}
	timeout := pool.NoTimeout
	if limited {
		timeout = max(d, 0)
	}
	var seq iter.Seq2[wire.Value, error]
	holdingGIL(e.it, func() { seq, err = ex.MapCall(c, wcalls, timeout, chunksize) })
	if err != nil {
		return nil, true, PyError(e.it, err, nil, nil)
	}
	anySeq := func(yield func(any, error) bool) {
		for v, err := range seq {
			if !yield(v, err) {
				return
			}
		}
	}
	g := newGoIter(e.it, anySeq, func(v any) (py.Object, error) {
		if v == nil {
			return py.None, nil
		}
		return pickle.FromWire(e.it, v)
	}, func(err error) error { return PyError(e.it, err, pickle.FuturesRemoteTraceback, nil) })
	return g, true, nil
}

// executorMap is Executor.map: every call is submitted at once; the
// iterator yields results in order, raising the first error (or
// TimeoutError) where CPython's generator does.
func (e *pyExecutor) executorMap(a *pyrt.Args) (py.Object, error) {
	fn := a.Get("fn")
	chunksize, err := py.IndexInt(a.Get("chunksize"))
	if err != nil {
		return nil, err
	}
	if chunksize < 1 && e.process {
		return nil, py.ExceptionNewf(py.ValueError, "chunksize must be >= 1.")
	}
	d, limited, err := a.Timeout("timeout")
	if err != nil {
		return nil, err
	}
	start := time.Now()
	// zip(*iterables)
	var iters []py.Object
	for _, it := range a.Star {
		i, err := py.Iter(it)
		if err != nil {
			return nil, err
		}
		iters = append(iters, i)
	}
	var calls []py.Tuple
	for len(iters) > 0 {
		call := make(py.Tuple, len(iters))
		stop := false
		for j, i := range iters {
			v, err := py.Next(i)
			if err != nil {
				if py.IsException(py.StopIteration, err) {
					stop = true
					break
				}
				return nil, err
			}
			call[j] = v
		}
		if stop {
			break
		}
		calls = append(calls, call)
	}
	if e.process && chunksize > 1 {
		if g, ok, err := e.mapChunks(fn, calls, d, limited, chunksize); ok || err != nil {
			return g, err
		}
	}
	var fs []*Future
	for _, call := range calls {
		f, err := e.submit(fn, call, nil)
		if err != nil {
			for _, f := range fs {
				f.Engine.Cancel()
			}
			return nil, err
		}
		fs = append(fs, f.(*Future))
	}
	seq := func(yield func(any, error) bool) {
		for _, f := range fs {
			t := pool.NoTimeout
			if limited {
				t = d - time.Since(start)
				if t <= 0 && !f.Engine.Done() {
					yield(nil, &pool.TimeoutError{})
					return
				}
			}
			if _, err := f.Engine.ResultTimeout(t); err != nil {
				var te *pool.TimeoutError
				if asTimeout(err, &te) {
					yield(nil, err)
					return
				}
			}
			if !yield(f, nil) {
				return
			}
		}
	}
	g := newGoIter(e.it, iter.Seq2[any, error](seq), func(v any) (py.Object, error) {
		f := v.(*Future)
		if f.Engine.Cancelled() {
			return nil, pyrt.NewException(cancelledError)
		}
		r, err := f.Engine.ResultTimeout(0)
		return f.Outcome(r, err)
	}, func(err error) error { return PyError(e.it, err, nil, nil) })
	g.onDone = func() {
		holdingGIL(e.it, func() {
			for _, f := range fs {
				f.Engine.Cancel()
			}
		})
	}
	return g, nil
}

func asTimeout(err error, te **pool.TimeoutError) bool {
	t, ok := err.(*pool.TimeoutError)
	if ok {
		*te = t
	}
	return ok
}

func initExecutorMethods() {
	for _, t := range []*py.Type{threadExecutorType, processExecutorType} {
		pyrt.Method(t, t.Name+".submit", "self, fn, /, *args, **kwargs", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			return self.(*pyExecutor).submit(a.Get("fn"), a.Star, a.Kw)
		})
		// CPython's error messages name the base class's map
		pyrt.Method(t, "Executor.map", "self, fn, *iterables, timeout=None, chunksize=1", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			return self.(*pyExecutor).executorMap(a)
		})
		pyrt.Method(t, t.Name+".shutdown", "self, wait=True, *, cancel_futures=False", func(self py.Object, a *pyrt.Args) (py.Object, error) {
			if err := self.(*pyExecutor).shutdownPy(pyrt.Truth(a.Get("wait")), pyrt.Truth(a.Get("cancel_futures"))); err != nil {
				return nil, err
			}
			return py.None, nil
		})
		t.Dict["_max_workers"] = &py.Property{Fget: func(self py.Object) (py.Object, error) {
			return py.Int(self.(*pyExecutor).max), nil
		}}
	}
}

// M__enter__ returns the executor for a with block.
func (e *pyExecutor) M__enter__() (py.Object, error) { return e, nil }

// M__exit__ shuts the executor down, waiting, at the end of a with block.
func (e *pyExecutor) M__exit__(args py.Tuple) (py.Object, error) {
	if err := e.shutdownPy(true, false); err != nil {
		return nil, err
	}
	return py.False, nil
}

func initFutureMethods() {
	pyrt.Method(futureType, "Future.result", "self, timeout=None", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		return self.(*Future).resultPy(a.Get("timeout"))
	})
	pyrt.Method(futureType, "Future.exception", "self, timeout=None", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		return self.(*Future).exceptionPy(a.Get("timeout"))
	})
	pyrt.Method(futureType, "Future.cancel", "self", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		f := self.(*Future)
		var ok bool
		holdingGIL(f.it, func() { ok = f.Engine.Cancel() })
		return py.NewBool(ok), nil
	})
	pyrt.Method(futureType, "Future.cancelled", "self", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		return py.NewBool(self.(*Future).Engine.Cancelled()), nil
	})
	pyrt.Method(futureType, "Future.running", "self", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		return py.NewBool(self.(*Future).Engine.Running()), nil
	})
	pyrt.Method(futureType, "Future.done", "self", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		return py.NewBool(self.(*Future).Engine.Done()), nil
	})
	pyrt.Method(futureType, "Future.add_done_callback", "self, fn", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		self.(*Future).addDoneCallback(a.Get("fn"))
		return py.None, nil
	})
	pyrt.Method(futureType, "Future.set_running_or_notify_cancel", "self", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		f := self.(*Future)
		ok, err := f.Engine.SetRunningOrNotifyCancel()
		if err != nil {
			return nil, PyError(f.it, err, nil, nil)
		}
		return py.NewBool(ok), nil
	})
	pyrt.Method(futureType, "Future.set_result", "self, result", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		f := self.(*Future)
		result := a.Get("result")
		var err error
		holdingGIL(f.it, func() { err = f.Engine.SetResult(result) })
		return py.None, PyError(f.it, err, nil, nil)
	})
	pyrt.Method(futureType, "Future.set_exception", "self, exception", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		f := self.(*Future)
		var exc error
		switch x := a.Get("exception").(type) {
		case *py.Exception:
			exc = x
		case *py.Type:
			if x.IsSubtype(py.BaseException) {
				exc = pyrt.NewException(x)
			}
		}
		if exc == nil {
			return nil, py.ExceptionNewf(py.TypeError, "exceptions must derive from BaseException")
		}
		var err error
		holdingGIL(f.it, func() { err = f.Engine.SetException(exc) })
		return py.None, PyError(f.it, err, nil, nil)
	})
}

// ---- wait and as_completed

// futureList takes a Python iterable of futures.
func futureList(o py.Object) ([]*Future, error) {
	var out []*Future
	itr, err := py.Iter(o)
	if err != nil {
		return nil, err
	}
	for {
		v, err := py.Next(itr)
		if err != nil {
			if py.IsException(py.StopIteration, err) {
				return out, nil
			}
			return nil, err
		}
		f, ok := v.(*Future)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "'%s' object is not a Future", v.Type().Name)
		}
		out = append(out, f)
	}
}

// A doneAndNotDone is the named tuple wait() returns.
type doneAndNotDone struct {
	done, notDone py.Object
}

var doneAndNotDoneType = pyrt.NewClass("concurrent.futures._base", "DoneAndNotDoneFutures", "DoneAndNotDoneFutures(done, not_done)", nil)

// Type implements py.Object.
func (d *doneAndNotDone) Type() *py.Type { return doneAndNotDoneType }

// M__iter__ allows `done, not_done = wait(fs)`.
func (d *doneAndNotDone) M__iter__() (py.Object, error) {
	return py.NewIterator(py.Tuple{d.done, d.notDone}), nil
}

// M__getitem__ indexes the pair.
func (d *doneAndNotDone) M__getitem__(key py.Object) (py.Object, error) {
	return py.GetItem(py.Tuple{d.done, d.notDone}, key)
}

// M__len__ is 2.
func (d *doneAndNotDone) M__len__() (py.Object, error) { return py.Int(2), nil }

// M__repr__ is the named tuple's repr.
func (d *doneAndNotDone) M__repr__() (py.Object, error) {
	a, err := py.ReprAsString(d.done)
	if err != nil {
		return nil, err
	}
	b, err := py.ReprAsString(d.notDone)
	if err != nil {
		return nil, err
	}
	return py.String("DoneAndNotDoneFutures(done=" + a + ", not_done=" + b + ")"), nil
}

func init() {
	doneAndNotDoneType.Dict["done"] = &py.Property{Fget: func(self py.Object) (py.Object, error) { return self.(*doneAndNotDone).done, nil }}
	doneAndNotDoneType.Dict["not_done"] = &py.Property{Fget: func(self py.Object) (py.Object, error) { return self.(*doneAndNotDone).notDone, nil }}
}

func waitPy(self py.Object, a *pyrt.Args) (py.Object, error) {
	it, err := pyrt.InterpOfModule(self)
	if err != nil {
		return nil, err
	}
	fs, err := futureList(a.Get("fs"))
	if err != nil {
		return nil, err
	}
	d, limited, err := a.Timeout("timeout")
	if err != nil {
		return nil, err
	}
	t := pool.NoTimeout
	if limited {
		t = d
	}
	s, err := py.StrAsString(a.Get("return_when"))
	if err != nil {
		return nil, err
	}
	rw := pool.ReturnWhen(s)
	byF := map[*pool.Future[wire.Value]]*Future{}
	engineFs := make([]*pool.Future[wire.Value], len(fs))
	for i, f := range fs {
		engineFs[i] = f.Engine
		byF[f.Engine] = f
	}
	var res pool.DoneAndNotDone[*pool.Future[wire.Value]]
	if _, ierr := it.Blocking(func() { res, err = pool.Wait(engineFs, t, rw) }); ierr != nil {
		return nil, ierr
	}
	if err != nil {
		return nil, PyError(it, err, nil, nil)
	}
	conv := func(l []*pool.Future[wire.Value]) py.Object {
		items := make([]py.Object, len(l))
		for i, f := range l {
			items[i] = byF[f]
		}
		return py.NewSetFromItems(items)
	}
	return &doneAndNotDone{done: conv(res.Done), notDone: conv(res.NotDone)}, nil
}

func asCompletedPy(self py.Object, a *pyrt.Args) (py.Object, error) {
	it, err := pyrt.InterpOfModule(self)
	if err != nil {
		return nil, err
	}
	fs, err := futureList(a.Get("fs"))
	if err != nil {
		return nil, err
	}
	d, limited, err := a.Timeout("timeout")
	if err != nil {
		return nil, err
	}
	t := pool.NoTimeout
	if limited {
		t = d
	}
	byF := map[*pool.Future[wire.Value]]*Future{}
	engineFs := make([]*pool.Future[wire.Value], len(fs))
	for i, f := range fs {
		engineFs[i] = f.Engine
		byF[f.Engine] = f
	}
	src := pool.AsCompleted(engineFs, t)
	seq := func(yield func(any, error) bool) {
		for f, err := range src {
			if err != nil {
				yield(nil, err)
				return
			}
			if !yield(byF[f], nil) {
				return
			}
		}
	}
	return newGoIter(it, iter.Seq2[any, error](seq), func(v any) (py.Object, error) {
		return v.(*Future), nil
	}, func(err error) error { return PyError(it, err, nil, nil) }), nil
}

func futuresMethods() []*py.Method {
	return []*py.Method{
		pyrt.Func("wait", "fs, timeout=None, return_when='"+string(pool.AllCompleted)+"'", waitPy),
		pyrt.Func("as_completed", "fs, timeout=None", asCompletedPy),
	}
}

func futuresGlobals() py.StringDict {
	return py.StringDict{
		"Future":              futureType,
		"ThreadPoolExecutor":  threadExecutorType,
		"ProcessPoolExecutor": processExecutorType,
		"FIRST_COMPLETED":     py.String(pool.FirstCompleted),
		"FIRST_EXCEPTION":     py.String(pool.FirstException),
		"ALL_COMPLETED":       py.String(pool.AllCompleted),
		"CancelledError":      cancelledError,
		"TimeoutError":        py.TimeoutError,
		"InvalidStateError":   invalidStateError,
		"BrokenExecutor":      brokenExecutor,
		"Error":               futuresError,
	}
}

func newFuturePy(it *pyrt.Interp, a *pyrt.Args) (py.Object, error) {
	return newFuture(it, pool.NewFuture[wire.Value](), false, cbDirect), nil
}

func init() {
	futureType.New = pyrt.Constructor("Future", "", pyrt.InInterp(newFuturePy))
	threadExecutorType.New = pyrt.Constructor("ThreadPoolExecutor", threadExecutorSpec, pyrt.InInterp(newThreadPoolExecutor))
	processExecutorType.New = pyrt.Constructor("ProcessPoolExecutor", processExecutorSpec, pyrt.InInterp(newProcessPoolExecutor))
	initExecutorMethods()
	initFutureMethods()
	methods := futuresMethods()
	g := futuresGlobals()
	py.RegisterModule(&py.ModuleImpl{
		Info:    py.ModuleInfo{Name: "concurrent", Doc: "", FileDesc: "<concurrent>"},
		Globals: py.StringDict{},
	})
	py.RegisterModule(&py.ModuleImpl{
		Info:    py.ModuleInfo{Name: "concurrent.futures", Doc: "Execute computations asynchronously using threads or processes.", FileDesc: "<concurrent.futures>"},
		Methods: methods,
		Globals: g,
	})
	py.RegisterModule(&py.ModuleImpl{
		Info:    py.ModuleInfo{Name: "concurrent.futures._base", FileDesc: "<concurrent.futures._base>"},
		Methods: pyrt.PickMethods(methods, "wait", "as_completed"),
		Globals: g.Copy(),
	})
	tg := g.Copy()
	tg["BrokenThreadPool"] = brokenThreadPool
	py.RegisterModule(&py.ModuleImpl{
		Info:    py.ModuleInfo{Name: "concurrent.futures.thread", FileDesc: "<concurrent.futures.thread>"},
		Globals: tg,
	})
	pg := g.Copy()
	pg["BrokenProcessPool"] = brokenProcessPool
	pg["_RemoteTraceback"] = pickle.FuturesRemoteTraceback
	py.RegisterModule(&py.ModuleImpl{
		Info:    py.ModuleInfo{Name: "concurrent.futures.process", FileDesc: "<concurrent.futures.process>"},
		Globals: pg,
	})
	pool.SetTypeNamer(func(v any) (string, bool) {
		if o, ok := v.(py.Object); ok && o != nil {
			return o.Type().Name, true
		}
		return "", false
	})
}
