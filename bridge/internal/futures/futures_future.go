package futures

// concurrent.futures.Future: a Python face on the engine's Future. Results
// of thread executors are Python objects already; those of process
// executors are wire values, converted (holding the GIL) when asked for.

import (
	"fmt"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/internal/pickle"
	"github.com/pypool/pypool/bridge/internal/pyobj"
	"github.com/pypool/pypool/bridge/internal/threading"
	"github.com/pypool/pypool/bridge/pyrt"
	"github.com/pypool/pypool/pool"
	"github.com/pypool/pypool/pool/wire"
)

// Where a future's done callbacks run.
const (
	cbDirect = iota // futures made by Python code: callbacks follow set_result
	cbThread        // thread executors: the worker goroutine takes the GIL
	cbQueued        // process executors: the interpreter's callback goroutine
)

// A Future is a concurrent.futures.Future.
type Future struct {
	it *pyrt.Interp
	// Engine is the engine's future behind it.
	Engine *pool.Future[wire.Value]

	remote bool // results are wire values
	cbMode int
	call   *ThreadCall // thread executors: the task, which knows its worker

	mu        sync.Mutex
	converted bool
	done      chan struct{}
	result    py.Object
	err       error
}

var futureType = pyrt.NewClass("concurrent.futures._base", "Future", "Represents the result of an asynchronous computation.", nil)

// Type implements py.Object.
func (f *Future) Type() *py.Type { return futureType }

func newFuture(it *pyrt.Interp, f *pool.Future[wire.Value], remote bool, mode int) *Future {
	return &Future{it: it, Engine: f, remote: remote, cbMode: mode}
}

// M__repr__ is CPython's Future repr.
func (f *Future) M__repr__() (py.Object, error) {
	return py.String(f.Engine.String()), nil
}

// Outcome converts the finished future's outcome; the GIL is held.
func (f *Future) Outcome(v wire.Value, err error) (py.Object, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.converted {
		return f.result, f.err
	}
	if err == nil {
		if o, ok := v.(py.Object); ok && !f.remote {
			f.result = o
		} else if v == nil {
			f.result = py.None
		} else {
			f.result, err = pickle.FromWire(f.it, v)
		}
	}
	if err != nil {
		f.err = PyError(f.it, err, pickle.FuturesRemoteTraceback, nil)
	}
	f.converted = true
	return f.result, f.err
}

// wait waits, GIL released, for the future (d limited when limited). It
// reports whether the future is done.
func (f *Future) wait(timeout py.Object) (bool, error) {
	d, limited, err := pyrt.TimeoutArg(timeout)
	if err != nil {
		return false, err
	}
	if f.Engine.Done() {
		return true, nil
	}
	if _, err := f.it.WaitIntr(f.doneChan(), d, limited); err != nil {
		return false, err
	}
	return f.Engine.Done(), nil
}

// doneChan returns a channel closed once the future is done.
func (f *Future) doneChan() <-chan struct{} {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.done == nil {
		ch := make(chan struct{})
		f.done = ch
		f.Engine.AddDoneCallback(func(*pool.Future[wire.Value]) error {
			close(ch)
			return nil
		})
	}
	return f.done
}

func (f *Future) resultPy(timeout py.Object) (py.Object, error) {
	done, err := f.wait(timeout)
	if err != nil {
		return nil, err
	}
	if !done {
		return nil, pyrt.NewException(py.TimeoutError)
	}
	if f.Engine.Cancelled() {
		return nil, pyrt.NewException(cancelledError)
	}
	v, err := f.Engine.ResultTimeout(0)
	return f.Outcome(v, err)
}

func (f *Future) exceptionPy(timeout py.Object) (py.Object, error) {
	done, err := f.wait(timeout)
	if err != nil {
		return nil, err
	}
	if !done {
		return nil, pyrt.NewException(py.TimeoutError)
	}
	if f.Engine.Cancelled() {
		return nil, pyrt.NewException(cancelledError)
	}
	v, callErr := f.Engine.ResultTimeout(0)
	if callErr == nil {
		return py.None, nil
	}
	_, e := f.Outcome(v, callErr)
	return pyrt.ExcObject(e), nil
}

// ---- callbacks

// pyDoneCallbacks is set once a Python done callback has been added: until
// then no callback can fire inside the engine, so holdingGIL is a plain call.
var pyDoneCallbacks atomic.Bool

// holdingGIL runs fn, an engine call made holding the GIL that may fire done
// callbacks synchronously (set_result, cancel, add_done_callback on a done
// future). Callbacks fired while any such call is in progress are collected
// instead of taking the GIL (which this goroutine holds) and run here, in
// order, once fn returns: before the Python call that fired them returns, as
// in CPython. A callback fired meanwhile by a worker goroutine is collected
// too and runs here instead of on the callback thread; either way it runs
// holding the GIL, exactly once.
func holdingGIL(it *pyrt.Interp, fn func()) {
	if !pyDoneCallbacks.Load() {
		fn()
		return
	}
	q := callbacks(it)
	q.mu.Lock()
	q.inlineDepth++
	q.mu.Unlock()
	fn()
	for {
		q.mu.Lock()
		if len(q.inline) == 0 {
			q.inlineDepth--
			q.mu.Unlock()
			return
		}
		cb := q.inline[0]
		q.inline = q.inline[1:]
		q.mu.Unlock()
		cb()
	}
}

// collectInline keeps cb for the holdingGIL call in progress, if any, and
// reports whether it did.
func (q *callbackQueue) collectInline(cb func()) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.inlineDepth == 0 {
		return false
	}
	q.inline = append(q.inline, cb)
	return true
}

// addDoneCallback arranges for the Python callable fn(future) to run when f
// is done, where CPython would run it: a raising callback is logged as
// CPython's "exception calling callback for <Future …>".
func (f *Future) addDoneCallback(fn py.Object) {
	pyDoneCallbacks.Store(true)
	holdingGIL(f.it, func() {
		f.Engine.AddDoneCallback(func(*pool.Future[wire.Value]) error {
			run := func() { f.runCallback(fn) }
			if callbacks(f.it).collectInline(run) {
				return nil
			}
			switch f.cbMode {
			case cbQueued:
				callbacks(f.it).push(run)
			default:
				// where CPython runs it: on the worker that finished the task
				ts := threading.HelperThread(f.it)
				if f.call != nil {
					if w := f.call.ranOn.Load(); w != nil {
						ts = w
					}
				}
				threading.RunAs(f.it, ts, run)
			}
			return nil
		})
	})
}

// runCallback calls fn(f) holding the GIL and logs its failure.
func (f *Future) runCallback(fn py.Object) {
	if _, err := py.Call(fn, py.Tuple{f}, nil); err != nil {
		LogCallbackError(f.it, f.Engine.String(), err)
	}
}

// LogCallbackError logs a failed Future or Pool callback of owner (its
// repr) as CPython does: "exception calling callback for …" and the
// traceback, on it's stderr.
func LogCallbackError(it *pyrt.Interp, owner string, err error) {
	_, _ = fmt.Fprintf(it.Stderr(), "exception calling callback for %s\n%s", owner, pyobj.FormatException(err))
}

// A callbackQueue runs queued callbacks in order on one goroutine that
// takes the GIL for each; pending counts those not yet finished.
type callbackQueue struct {
	it      *pyrt.Interp
	mu      sync.Mutex
	items   []func()
	running bool
	pending atomic.Int64
	// Callbacks fired during holdingGIL calls (inlineDepth of them in
	// progress), run by the GIL holder when its call returns.
	inlineDepth int
	inline      []func()
	idle        chan struct{} // closed and replaced as the queue empties
}

var callbackQueues sync.Map // *Interp → *callbackQueue

func callbacks(it *pyrt.Interp) *callbackQueue {
	if q, ok := callbackQueues.Load(it); ok {
		return q.(*callbackQueue)
	}
	q, _ := callbackQueues.LoadOrStore(it, &callbackQueue{it: it, idle: make(chan struct{})})
	return q.(*callbackQueue)
}

func (q *callbackQueue) push(fn func()) {
	q.mu.Lock()
	q.items = append(q.items, fn)
	start := !q.running
	q.running = true
	q.mu.Unlock()
	if start {
		go q.loop()
	}
}

func (q *callbackQueue) loop() {
	helper := threading.HelperThread(q.it)
	for {
		q.mu.Lock()
		if len(q.items) == 0 {
			q.running = false
			close(q.idle)
			q.idle = make(chan struct{})
			q.mu.Unlock()
			return
		}
		fn := q.items[0]
		q.items = q.items[1:]
		q.mu.Unlock()
		threading.RunAs(q.it, helper, fn)
	}
}

// drain waits (GIL released) until the queued callbacks have run.
func (q *callbackQueue) drain() {
	for {
		q.mu.Lock()
		busy := q.running
		idle := q.idle
		q.mu.Unlock()
		if !busy {
			return
		}
		q.it.WaitChan(idle, 0, false)
	}
}

// M__eq__ is identity, as for CPython objects without __eq__.
func (f *Future) M__eq__(other py.Object) (py.Object, error) {
	return py.NewBool(other == py.Object(f)), nil
}

// M__ne__ is the negation of M__eq__.
func (f *Future) M__ne__(other py.Object) (py.Object, error) {
	return py.NewBool(other != py.Object(f)), nil
}

// M__hash__ is the identity hash.
func (f *Future) M__hash__() (py.Object, error) {
	return py.Int(int64(uintptr(unsafe.Pointer(f)) >> 4)), nil
}
