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

func poolMethod(t *py.Type, name string, names []string, nreq int, fn func(p *pyPool, v []py.Object) (py.Object, error)) {
	pyrt.DefMethod(t, name, func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		v, err := pyrt.ParseArgs(name, args, kwargs, names, nreq)
		if err != nil {
			return nil, err
		}
		return fn(self.(*pyPool), v)
	})
}

func (p *pyPool) applyAsync(v []py.Object) (*pyAsyncResult, error) {
	c, err := p.callable(v[0])
	if err != nil {
		return nil, err
	}
	a, kw, err := p.argsKw(v[1], v[2])
	if err != nil {
		return p.failedResult(err, v[4]), nil
	}
	ar := &pyAsyncResult{p: p}
	owner := func() string { return ar.r.String() }
	r, err := p.p.ApplyAsync(c, a, kw, p.pyCallback(v[3], owner), p.pyErrorCallback(v[4], owner))
	if err != nil {
		return nil, poolError(p.it, err)
	}
	ar.r = r
	return ar, nil
}

func (p *pyPool) mapAsync(star bool, v []py.Object) (*pyAsyncResult, error) {
	c, err := p.callable(v[0])
	if err != nil {
		return nil, err
	}
	cs, err := chunksizeArg(v[2], 0)
	if err != nil {
		return nil, err
	}
	ar := &pyAsyncResult{p: p, isMap: !p.thread}
	owner := func() string { return ar.r.String() }
	var cb func(any) error
	if len(v) > 3 {
		cb = p.pyCallback(v[3], owner)
	}
	var ecb func(error) error
	if len(v) > 4 {
		ecb = p.pyErrorCallback(v[4], owner)
	}
	var r *pool.AsyncResult
	var ecbPy py.Object
	if len(v) > 4 {
		ecbPy = v[4]
	}
	if star {
		calls, err := p.calls(v[1])
		if err != nil {
			return p.failedResult(err, ecbPy), nil
		}
		ar.mapLen = len(calls)
		r, err = p.p.StarmapAsync(c, calls, cs, cb, ecb)
		if err != nil {
			return nil, poolError(p.it, err)
		}
	} else {
		if rg, ok := v[1].(*py.Range); ok && !p.thread {
			ar.mapLen = max(0, int(rg.Length)) // sent as ints, no item made
			r, err = p.p.MapRangeAsync(c, int64(rg.Start), int64(rg.Step), ar.mapLen, cs, cb, ecb)
			if err != nil {
				return nil, poolError(p.it, err)
			}
			ar.r = r
			return ar, nil
		}
		items, err := p.values(v[1])
		if err != nil {
			return p.failedResult(err, ecbPy), nil
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

func (p *pyPool) imap(unordered bool, v []py.Object) (py.Object, error) {
	c, err := p.callable(v[0])
	if err != nil {
		return nil, err
	}
	cs, err := chunksizeArg(v[2], 1)
	if err != nil {
		return nil, err
	}
	items, err := p.lazyValues(v[1])
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
	applyNames := []string{"func", "args", "kwds", "callback", "error_callback"}
	mapNames := []string{"func", "iterable", "chunksize", "callback", "error_callback"}
	for _, t := range []*py.Type{poolType, threadPoolType} {
		poolMethod(t, "apply", applyNames[:3], 1, func(p *pyPool, v []py.Object) (py.Object, error) {
			ar, err := p.applyAsync(append(v, nil, nil))
			if err != nil {
				return nil, err
			}
			return ar.get(py.None)
		})
		poolMethod(t, "apply_async", applyNames, 1, func(p *pyPool, v []py.Object) (py.Object, error) {
			return p.applyAsync(v)
		})
		poolMethod(t, "map", mapNames[:3], 2, func(p *pyPool, v []py.Object) (py.Object, error) {
			ar, err := p.mapAsync(false, v)
			if err != nil {
				return nil, err
			}
			return ar.get(py.None)
		})
		poolMethod(t, "map_async", mapNames, 2, func(p *pyPool, v []py.Object) (py.Object, error) {
			return p.mapAsync(false, v)
		})
		poolMethod(t, "starmap", mapNames[:3], 2, func(p *pyPool, v []py.Object) (py.Object, error) {
			ar, err := p.mapAsync(true, v)
			if err != nil {
				return nil, err
			}
			return ar.get(py.None)
		})
		poolMethod(t, "starmap_async", mapNames, 2, func(p *pyPool, v []py.Object) (py.Object, error) {
			return p.mapAsync(true, v)
		})
		poolMethod(t, "imap", mapNames[:3], 2, func(p *pyPool, v []py.Object) (py.Object, error) {
			return p.imap(false, v)
		})
		poolMethod(t, "imap_unordered", mapNames[:3], 2, func(p *pyPool, v []py.Object) (py.Object, error) {
			return p.imap(true, v)
		})
		poolMethod(t, "close", nil, 0, func(p *pyPool, v []py.Object) (py.Object, error) {
			p.p.Close()
			return py.None, nil
		})
		poolMethod(t, "terminate", nil, 0, func(p *pyPool, v []py.Object) (py.Object, error) {
			p.it.GIL.Released(p.p.Terminate)
			return py.None, nil
		})
		poolMethod(t, "join", nil, 0, func(p *pyPool, v []py.Object) (py.Object, error) {
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
	pyrt.DefMethod(asyncResultType, "get", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		v, err := pyrt.ParseArgs("get", args, kwargs, []string{"timeout"}, 0)
		if err != nil {
			return nil, err
		}
		return self.(*pyAsyncResult).get(v[0])
	})
	pyrt.DefMethod(asyncResultType, "wait", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		v, err := pyrt.ParseArgs("wait", args, kwargs, []string{"timeout"}, 0)
		if err != nil {
			return nil, err
		}
		a := self.(*pyAsyncResult)
		if a.r == nil {
			return py.None, nil
		}
		d, limited, err := pyrt.TimeoutArg(v[0])
		if err != nil {
			return nil, err
		}
		_, err = a.p.it.WaitIntr(a.r.Done(), d, limited)
		return py.None, err
	})
	pyrt.DefMethod(asyncResultType, "ready", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		a := self.(*pyAsyncResult)
		return py.NewBool(a.r == nil || a.r.Ready()), nil
	})
	pyrt.DefMethod(asyncResultType, "successful", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		a := self.(*pyAsyncResult)
		if a.r == nil {
			return py.False, nil
		}
		ok, err := a.r.Successful()
		if err != nil {
			return nil, poolError(a.p.it, err)
		}
		return py.NewBool(ok), nil
	})
	pyrt.DefMethod(imapIteratorType, "next", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		v, err := pyrt.ParseArgs("next", args, kwargs, []string{"timeout"}, 0)
		if err != nil {
			return nil, err
		}
		return self.(*pyIMap).next(v[0])
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
