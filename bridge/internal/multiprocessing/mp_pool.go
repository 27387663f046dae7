package multiprocessing

// multiprocessing.Pool (worker processes) and multiprocessing.pool.ThreadPool
// (worker threads): Python objects over the engine's Pool.

import (
	"errors"
	"iter"
	"strconv"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/futures"
	"github.com/pypool/pypool/bridge/internal/pickle"
	"github.com/pypool/pypool/bridge/internal/pyobj"
	"github.com/pypool/pypool/bridge/internal/threading"
	"github.com/pypool/pypool/bridge/pyrt"
	"github.com/pypool/pypool/pool"
	"github.com/pypool/pypool/pool/wire"
)

// A pyPool is a Pool or a ThreadPool.
type pyPool struct {
	it     *pyrt.Interp
	p      *pool.Pool
	thread bool
}

var poolType = pyrt.NewClass("multiprocessing.pool", "Pool", "Class which supports an async version of applying functions to arguments.", nil)
var threadPoolType = pyrt.NewClass("multiprocessing.pool", "ThreadPool", "A Pool whose workers are threads.", nil)

// Type implements py.Object.
func (p *pyPool) Type() *py.Type {
	if p.thread {
		return threadPoolType
	}
	return poolType
}

// M__repr__ is CPython's "<multiprocessing.pool.Pool state=RUN pool_size=3>".
func (p *pyPool) M__repr__() (py.Object, error) { return py.String(p.p.String()), nil }

func newPyPool(it *pyrt.Interp, thread bool, a *pyrt.Args) (py.Object, error) {
	var opts []pool.Option
	if !a.IsNone("processes") {
		n, ok := a.Get("processes").(py.Int)
		if !ok {
			if b, isB := a.Get("processes").(py.Bool); isB {
				n, ok = 0, true
				if b {
					n = 1
				}
			}
		}
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "'<' not supported between instances of '%s' and 'int'", a.Get("processes").Type().Name)
		}
		if n < 1 {
			return nil, py.ExceptionNewf(py.ValueError, "Number of processes must be at least 1")
		}
		opts = append(opts, pool.Workers(int(n)))
	}
	initOpt, err := futures.Initializer(it, thread, a.Get("initializer"), a.Get("initargs"))
	if err != nil {
		return nil, err
	}
	if initOpt != nil {
		opts = append(opts, initOpt)
	}
	if !thread && !a.IsNone("maxtasksperchild") {
		m, ok := a.Get("maxtasksperchild").(py.Int)
		if !ok || m < 1 {
			return nil, py.ExceptionNewf(py.ValueError, "maxtasksperchild must be a positive int or None")
		}
		opts = append(opts, pool.MaxTasksPerChild(int(m)))
	}
	var p *pool.Pool
	if thread {
		opts = append(opts, threading.WorkerThreads(it, true, func(pool.WorkerInfo) string {
			return "Thread-" + strconv.Itoa(threading.NextThreadNumber(it)) + " (worker)"
		}))
		p, err = pool.NewThreadPool(opts...)
	} else {
		p, err = pool.NewPool(opts...)
	}
	if err != nil {
		return nil, poolError(it, err)
	}
	pp := &pyPool{it: it, p: p, thread: thread}
	it.OnExit(func() {
		// multiprocessing's atexit: pools left open are terminated
		it.GIL.Released(p.Terminate)
	}, true)
	return pp, nil
}

// callable turns fn into what the pool runs.
func (p *pyPool) callable(fn py.Object) (pool.Callable, error) {
	if !pyrt.IsCallable(fn) {
		return nil, py.ExceptionNewf(py.TypeError, "'%s' object is not callable", fn.Type().Name)
	}
	if p.thread {
		return futures.NewThreadCall(p.it, fn), nil
	}
	c, err := pickle.CallableOf(p.it, fn)
	if err != nil {
		return nil, err
	}
	if err := c.Prepare(); err != nil {
		return nil, err
	}
	return c, nil
}

// value converts an argument for the pool.
func (p *pyPool) value(o py.Object) (wire.Value, error) {
	if p.thread {
		return o, nil
	}
	return pickle.ToWire(o)
}

// values converts a Python iterable's items for the pool.
func (p *pyPool) values(o py.Object) ([]wire.Value, error) {
	if r, ok := o.(*py.Range); ok && !p.thread {
		return pickle.RangeValues(r), nil
	}
	itr, err := py.Iter(o)
	if err != nil {
		return nil, err
	}
	out := make([]wire.Value, 0, lenHint(o))
	for {
		x, err := py.Next(itr)
		if err != nil {
			if py.IsException(py.StopIteration, err) {
				return out, nil
			}
			return nil, err
		}
		w, err := p.value(x)
		if err != nil {
			return nil, err
		}
		out = append(out, w)
	}
}

// lazyValues is imap's input: the items of a Python iterable, converted as
// the engine's task handler asks for them (CPython's handler iterates the
// input on its own thread), so memory does not grow with the input. A range
// on a process pool is counted in Go; any other iterable is stepped holding
// the GIL as the pool's helper thread, one item at a time (the task handler
// never reads worker pipes, so waiting for the GIL there cannot deadlock).
// An error of the iterable is yielded in place of its item; the engine makes
// it the result at that position, as CPython does.
func (p *pyPool) lazyValues(o py.Object) (iter.Seq2[wire.Value, error], error) {
	if r, ok := o.(*py.Range); ok && !p.thread {
		start, step, n := int64(r.Start), int64(r.Step), int64(r.Length)
		return func(yield func(wire.Value, error) bool) {
			for i := int64(0); i < n; i++ {
				if !yield(start+i*step, nil) {
					return
				}
			}
		}, nil
	}
	itr, err := py.Iter(o)
	if err != nil {
		return nil, err
	}
	return func(yield func(wire.Value, error) bool) {
		for {
			var (
				w   wire.Value
				err error
				end bool
			)
			threading.RunAs(p.it, threading.HelperThread(p.it), func() {
				x, nerr := py.Next(itr)
				switch {
				case nerr == nil:
					w, err = p.value(x)
				case py.IsException(py.StopIteration, nerr):
					end = true
				default:
					err = nerr
				}
			})
			if end || !yield(w, err) || err != nil {
				return
			}
		}
	}, nil
}

// lenHint is the length of a builtin sequence (so that values fills a slice
// allocated once, not regrown item by item), 0 for anything else: no Python
// __len__ runs.
func lenHint(o py.Object) int {
	switch o := o.(type) {
	case *py.List:
		return len(o.Items)
	case py.Tuple:
		return len(o)
	case *py.Range:
		if n, err := o.M__len__(); err == nil {
			if i, ok := n.(py.Int); ok && i > 0 && i < 1<<26 {
				return int(i)
			}
		}
	}
	return 0
}

// calls converts an iterable of argument tuples (starmap).
func (p *pyPool) calls(o py.Object) ([][]wire.Value, error) {
	itr, err := py.Iter(o)
	if err != nil {
		return nil, err
	}
	var out [][]wire.Value
	for {
		x, err := py.Next(itr)
		if err != nil {
			if py.IsException(py.StopIteration, err) {
				return out, nil
			}
			return nil, err
		}
		args, err := p.values(x)
		if err != nil {
			return nil, err
		}
		out = append(out, args)
	}
}

// argsKw converts apply's args and kwds.
func (p *pyPool) argsKw(args, kwds py.Object) ([]wire.Value, []wire.KV, error) {
	var a []wire.Value
	if args != nil && args != py.None {
		var err error
		if a, err = p.values(args); err != nil {
			return nil, nil, err
		}
	}
	var kv []wire.KV
	if kwds != nil && kwds != py.None {
		d, ok := kwds.(py.StringDict)
		if !ok {
			items, err := py.GetAttrString(kwds, "items")
			if err != nil {
				return nil, nil, py.ExceptionNewf(py.TypeError, "argument after ** must be a mapping, not %s", kwds.Type().Name)
			}
			res, err := py.Call(items, nil, nil)
			if err != nil {
				return nil, nil, err
			}
			pairs, err := p.calls(res)
			if err != nil {
				return nil, nil, err
			}
			for _, pr := range pairs {
				k, _ := pr[0].(string)
				if ks, ok := pr[0].(py.String); ok {
					k = string(ks)
				}
				kv = append(kv, wire.KV{Key: k, Value: pr[1]})
			}
			return a, kv, nil
		}
		for k, v := range d {
			w, err := p.value(v)
			if err != nil {
				return nil, nil, err
			}
			kv = append(kv, wire.KV{Key: k, Value: w})
		}
	}
	return a, kv, nil
}

// result converts a result from the pool to Python (holding the GIL).
func (p *pyPool) result(v wire.Value) (py.Object, error) {
	if p.thread {
		switch x := v.(type) {
		case py.Object:
			return x, nil
		case wire.List:
			items := make([]py.Object, len(x))
			for i, e := range x {
				o, err := p.result(e)
				if err != nil {
					return nil, err
				}
				items[i] = o
			}
			return &py.List{Items: items}, nil
		case nil:
			return py.None, nil
		}
	}
	if v == nil {
		return py.None, nil
	}
	return pickle.FromWire(p.it, v)
}

// chunksizeArg reads the chunksize argument (None: def; 0 is the
// engine's default rule).
func chunksizeArg(a *pyrt.Args, def int) (int, error) {
	n, ok, err := a.OptIndex("chunksize")
	if !ok {
		return def, err
	}
	if n < 1 {
		return 0, py.ExceptionNewf(py.ValueError, "Chunksize must be 1+, not %d", n)
	}
	return n, nil
}

// pyCallback turns a Python callback into the engine's: it runs on the
// pool's result handler holding the GIL; a failure is logged as CPython's.
func (p *pyPool) pyCallback(fn py.Object, owner func() string) func(wire.Value) error {
	if fn == nil || fn == py.None {
		return nil
	}
	return func(v wire.Value) error {
		threading.RunAs(p.it, threading.HelperThread(p.it), func() {
			o, err := p.result(v)
			if err == nil {
				_, err = py.Call(fn, py.Tuple{o}, nil)
			}
			if err != nil {
				futures.LogCallbackError(p.it, owner(), err)
			}
		})
		return nil
	}
}

func (p *pyPool) pyErrorCallback(fn py.Object, owner func() string) func(error) error {
	if fn == nil || fn == py.None {
		return nil
	}
	return func(e error) error {
		threading.RunAs(p.it, threading.HelperThread(p.it), func() {
			exc := pyrt.ExcObject(poolError(p.it, e))
			if _, err := py.Call(fn, py.Tuple{exc}, nil); err != nil {
				futures.LogCallbackError(p.it, owner(), err)
			}
		})
		return nil
	}
}

// apply runs fn and waits for its result (GIL released).
func (p *pyPool) wait(r *pool.AsyncResult, timeout py.Object) (py.Object, error) {
	d, limited, err := pyrt.TimeoutArg(timeout)
	if err != nil {
		return nil, err
	}
	if _, err := p.it.WaitIntr(r.Done(), d, limited); err != nil {
		return nil, err
	}
	v, err := r.Get(0)
	if err != nil {
		return nil, poolError(p.it, err)
	}
	return p.result(v)
}

// waitMap is wait for a process pool's map: the chunks of results become
// one Python list directly, without first being copied into one wire list.
// The list's items are allocated before the wait, while the workers work:
// on a machine where first touching memory is dear that is a good part of
// making the list.
func (a *pyAsyncResult) waitMap(timeout py.Object) (py.Object, error) {
	if a.mapList != nil {
		return a.mapList, nil
	}
	d, limited, err := pyrt.TimeoutArg(timeout)
	if err != nil {
		return nil, err
	}
	if a.mapItems == nil {
		a.mapItems = make([]py.Object, a.mapLen)
	}
	p, r := a.p, a.r
	if _, err := p.it.WaitIntr(r.Done(), d, limited); err != nil {
		return nil, err
	}
	chunks, err := r.MapChunks(0)
	if err != nil {
		return nil, poolError(p.it, err)
	}
	items := a.mapItems[:0]
	for _, c := range chunks {
		if items, err = pickle.NewDecoder(p.it).AppendItems(items, c); err != nil {
			return nil, err
		}
	}
	if len(items) != a.mapLen {
		return nil, py.ExceptionNewf(py.SystemError, "map: %d results for %d items", len(items), a.mapLen)
	}
	a.mapList, a.mapItems = &py.List{Items: items}, nil // the list takes items, not a copy
	return a.mapList, nil
}

// A pyIMap is the iterator imap and imap_unordered return.
type pyIMap struct {
	p    *pyPool
	mi   *pool.IMapIterator
	done bool

	// inflight is a step that SIGINT interrupted: the next call takes its
	// result instead of starting another step beside it.
	inflight *imapStep
}

type imapStep struct {
	done <-chan struct{}
	v    wire.Value
	err  error
}

var imapIteratorType = pyrt.NewClass("multiprocessing.pool", "IMapIterator", "", nil)

// Type implements py.Object.
func (m *pyIMap) Type() *py.Type { return imapIteratorType }

// M__iter__ returns the iterator itself.
func (m *pyIMap) M__iter__() (py.Object, error) { return m, nil }

// M__next__ waits for the next result without limit.
func (m *pyIMap) M__next__() (py.Object, error) { return m.next(py.None) }

func (m *pyIMap) next(timeout py.Object) (py.Object, error) {
	if m.done {
		return nil, py.StopIteration
	}
	d, limited, err := pyrt.TimeoutArg(timeout)
	if err != nil {
		return nil, err
	}
	t := pool.NoTimeout
	if limited {
		t = d
	}
	s := m.inflight
	if s == nil {
		s = &imapStep{}
		// A result that is ready is taken at once (most are, in a chunk);
		// only a real wait goes off the GIL, where SIGINT can end it.
		s.v, s.err = m.mi.Next(0)
		if _, notYet := s.err.(*pool.TimeoutError); notYet && t != 0 {
			s.done, err = m.p.it.Blocking(func() { s.v, s.err = m.mi.Next(t) })
		}
	} else {
		_, err = m.p.it.Wait(s.done, -1)
	}
	if err != nil {
		m.inflight = s // KeyboardInterrupt: the step goes on by itself
		return nil, pyobj.IterFailed(m, err)
	}
	m.inflight = nil
	v, err := s.v, s.err
	if err == pool.ErrStopIteration {
		m.done = true
		return nil, py.StopIteration
	}
	if err != nil {
		// A failed item (or a lost worker's) is raised and the iteration
		// goes on with the next ones, as CPython's; only a terminated pool
		// ends it (the engine says ErrStopIteration after the last item).
		if errors.Is(err, pool.ErrTerminated) {
			m.done = true
		}
		return nil, pyobj.IterFailed(m, poolError(m.p.it, err))
	}
	o, err := m.p.result(v)
	if err != nil {
		return nil, pyobj.IterFailed(m, err)
	}
	return o, nil
}
