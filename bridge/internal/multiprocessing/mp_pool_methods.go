package multiprocessing

// The Python methods of Pool, ThreadPool and AsyncResult.

import (
	"fmt"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/futures"
	"github.com/pypool/pypool/bridge/pyrt"
	"github.com/pypool/pypool/pool"
)

// A pyAsyncResult is multiprocessing.pool.AsyncResult.
type pyAsyncResult struct {
	p      *pyPool
	r      *pool.AsyncResult
	failed error // set instead of r when the task could not be sent
	isMap  bool  // a process pool's map: its chunks become one list (waitMap)

	// A process pool's map: its length, the items of its list (made before
	// the results arrive), and the list once made (get returns it again, as
	// CPython's MapResult does).
	mapLen   int
	mapItems []py.Object
	mapList  *py.List
}

// failedResult is a ready AsyncResult holding err: as CPython, a task that
// cannot be sent fails at get() (and calls error_callback).
func (p *pyPool) failedResult(err error, errorCallback py.Object) *pyAsyncResult {
	ar := &pyAsyncResult{p: p, failed: err}
	if errorCallback != nil && errorCallback != py.None {
		if _, cerr := py.Call(errorCallback, py.Tuple{pyrt.ExcObject(err)}, nil); cerr != nil {
			futures.LogCallbackError(p.it, ar.repr(), cerr)
		}
	}
	return ar
}

func (a *pyAsyncResult) repr() string {
	if a.r != nil {
		return a.r.String()
	}
	return fmt.Sprintf("<multiprocessing.pool.ApplyResult object at %p>", a)
}

var asyncResultType = pyrt.NewClass("multiprocessing.pool", "ApplyResult", "", nil)

// Type implements py.Object.
func (a *pyAsyncResult) Type() *py.Type { return asyncResultType }

// M__repr__ is CPython's "<multiprocessing.pool.ApplyResult object at 0x…>".
func (a *pyAsyncResult) M__repr__() (py.Object, error) { return py.String(a.repr()), nil }

// The pools' method parameters, as CPython's.
const (
	applySpec    = "self, func, args=(), kwds=None" // CPython: kwds={}; None (no kwds) spares a dict per call
	mapSpec      = "self, func, iterable, chunksize=None"
	imapSpec     = "self, func, iterable, chunksize=1"
	callbackSpec = ", callback=None, error_callback=None"
)

// applyAsync is apply_async (apply: no callbacks, then get).
func (p *pyPool) applyAsync(a *pyrt.Args, callback, errorCallback py.Object) (*pyAsyncResult, error) {
	c, err := p.callable(a.Get("func"))
	if err != nil {
		return nil, err
	}
	args, kw, err := p.argsKw(a.Get("args"), a.Get("kwds"))
	if err != nil {
		return p.failedResult(err, errorCallback), nil
	}
	ar := &pyAsyncResult{p: p}
	owner := func() string { return ar.r.String() }
	r, err := p.p.ApplyAsync(c, args, kw, p.pyCallback(callback, owner), p.pyErrorCallback(errorCallback, owner))
	if err != nil {
		return nil, poolError(p.it, err)
	}
	ar.r = r
	return ar, nil
}

// mapAsync is map_async and starmap_async (map, starmap: no callbacks,
// then get).
func (p *pyPool) mapAsync(star bool, a *pyrt.Args, callback, errorCallback py.Object) (*pyAsyncResult, error) {
	c, err := p.callable(a.Get("func"))
	if err != nil {
		return nil, err
	}
	cs, err := chunksizeArg(a, 0)
	if err != nil {
		return nil, err
	}
	ar := &pyAsyncResult{p: p, isMap: !p.thread}
	owner := func() string { return ar.r.String() }
	cb := p.pyCallback(callback, owner)
	ecb := p.pyErrorCallback(errorCallback, owner)
	iterable := a.Get("iterable")
	var r *pool.AsyncResult
	if star {
		calls, err := p.calls(iterable)
		if err != nil {
			return p.failedResult(err, errorCallback), nil
		}
		ar.mapLen = len(calls)
		r, err = p.p.StarmapAsync(c, calls, cs, cb, ecb)
		if err != nil {
			return nil, poolError(p.it, err)
		}
	} else {
		if rg, ok := iterable.(*py.Range); ok && !p.thread {
			ar.mapLen = max(0, int(rg.Length)) // sent as ints, no item made
			r, err = p.p.MapRangeAsync(c, int64(rg.Start), int64(rg.Step), ar.mapLen, cs, cb, ecb)
			if err != nil {
				return nil, poolError(p.it, err)
			}
			ar.r = r
			return ar, nil
		}
		items, err := p.values(iterable)
		if err != nil {
			return p.failedResult(err, errorCallback), nil
		}
		ar.mapLen = len(items)
		r, err = p.p.MapAsync(c, items, cs, cb, ecb)
		if err != nil {
			return nil, poolError(p.it, err)
		}
	}
	ar.r = r
	return ar, nil
}

func (p *pyPool) imap(unordered bool, a *pyrt.Args) (py.Object, error) {
	c, err := p.callable(a.Get("func"))
	if err != nil {
		return nil, err
	}
	cs, err := chunksizeArg(a, 1)
	if err != nil {
		return nil, err
	}
	items, err := p.lazyValues(a.Get("iterable"))
	if err != nil {
		return nil, err
	}
	var mi *pool.IMapIterator
	if unordered {
		mi, err = p.p.ImapUnordered(c, items, cs)
	} else {
		mi, err = p.p.Imap(c, items, cs)
	}
	if err != nil {
		return nil, poolError(p.it, err)
	}
	return &pyIMap{p: p, mi: mi}, nil
}

func init() {
	for _, t := range []*py.Type{poolType, threadPoolType} {
		// CPython's messages name Pool's methods (ThreadPool inherits them)
		method := func(name, spec string, fn func(p *pyPool, a *pyrt.Args) (py.Object, error)) {
			pyrt.Method(t, "Pool."+name, spec, func(self py.Object, a *pyrt.Args) (py.Object, error) {
				return fn(self.(*pyPool), a)
			})
		}
		method("apply", applySpec, func(p *pyPool, a *pyrt.Args) (py.Object, error) {
			ar, err := p.applyAsync(a, py.None, py.None)
			if err != nil {
				return nil, err
			}
			return ar.get(py.None)
		})
		method("apply_async", applySpec+callbackSpec, func(p *pyPool, a *pyrt.Args) (py.Object, error) {
			return p.applyAsync(a, a.Get("callback"), a.Get("error_callback"))
		})
		for _, star := range []bool{false, true} {
			name := "map"
			if star {
				name = "starmap"
			}
			method(name, mapSpec, func(p *pyPool, a *pyrt.Args) (py.Object, error) {
				ar, err := p.mapAsync(star, a, py.None, py.None)
				if err != nil {
					return nil, err
				}
				return ar.get(py.None)
			})
			method(name+"_async", mapSpec+callbackSpec, func(p *pyPool, a *pyrt.Args) (py.Object, error) {
				return p.mapAsync(star, a, a.Get("callback"), a.Get("error_callback"))
			})
		}
		method("imap", imapSpec, func(p *pyPool, a *pyrt.Args) (py.Object, error) {
			return p.imap(false, a)
		})
		method("imap_unordered", imapSpec, func(p *pyPool, a *pyrt.Args) (py.Object, error) {
			return p.imap(true, a)
		})
		method("close", "self", func(p *pyPool, a *pyrt.Args) (py.Object, error) {
			p.p.Close()
			return py.None, nil
		})
		method("terminate", "self", func(p *pyPool, a *pyrt.Args) (py.Object, error) {
			p.it.GIL.Released(p.p.Terminate)
			return py.None, nil
		})
		method("join", "self", func(p *pyPool, a *pyrt.Args) (py.Object, error) {
			var err error
			if _, ierr := p.it.Blocking(func() { err = p.p.Join() }); ierr != nil {
				return nil, ierr // KeyboardInterrupt: the join goes on by itself
			}
			if err != nil {
				return nil, poolError(p.it, err)
			}
			return py.None, nil
		})
	}
	pyrt.Method(asyncResultType, "ApplyResult.get", "self, timeout=None", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		return self.(*pyAsyncResult).get(a.Get("timeout"))
	})
	pyrt.Method(asyncResultType, "ApplyResult.wait", "self, timeout=None", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		ar := self.(*pyAsyncResult)
		if ar.r == nil {
			return py.None, nil
		}
		d, limited, err := a.Timeout("timeout")
		if err != nil {
			return nil, err
		}
		_, err = ar.p.it.WaitIntr(ar.r.Done(), d, limited)
		return py.None, err
	})
	pyrt.Method(asyncResultType, "ApplyResult.ready", "self", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		ar := self.(*pyAsyncResult)
		return py.NewBool(ar.r == nil || ar.r.Ready()), nil
	})
	pyrt.Method(asyncResultType, "ApplyResult.successful", "self", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		ar := self.(*pyAsyncResult)
		if ar.r == nil {
			return py.False, nil
		}
		ok, err := ar.r.Successful()
		if err != nil {
			return nil, poolError(ar.p.it, err)
		}
		return py.NewBool(ok), nil
	})
	pyrt.Method(imapIteratorType, "IMapIterator.next", "self, timeout=None", func(self py.Object, a *pyrt.Args) (py.Object, error) {
		return self.(*pyIMap).next(a.Get("timeout"))
	})
}

// M__enter__ returns the pool for a with block.
func (p *pyPool) M__enter__() (py.Object, error) {
	if err := p.checkRunning(); err != nil {
		return nil, err
	}
	return p, nil
}

// M__exit__ terminates the pool, as CPython's Pool.__exit__.
func (p *pyPool) M__exit__(args py.Tuple) (py.Object, error) {
	p.it.GIL.Released(p.p.Terminate)
	return py.None, nil
}

func (p *pyPool) checkRunning() error {
	if err := p.p.CheckRunning(); err != nil {
		return poolError(p.it, err)
	}
	return nil
}

// get is AsyncResult.get(timeout).
func (a *pyAsyncResult) get(timeout py.Object) (py.Object, error) {
	if a.r == nil {
		return nil, a.failed
	}
	if a.isMap {
		return a.waitMap(timeout)
	}
	return a.p.wait(a.r, timeout)
}
