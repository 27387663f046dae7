package threading

// Per-interpreter thread bookkeeping for the threading module. The
// interpreter core records which Python thread (*Thread) holds the GIL; the
// module keeps its own state for each in Thread.Data.

import (
	"strconv"
	"sync"

	"github.com/go-python/gpython/py"
	"github.com/pypool/pypool/bridge/pyrt"
	"github.com/pypool/pypool/pool"
)

// A threadState is the threading module's view of one Python thread: a
// threading.Thread started from Python, the main thread, a pool worker
// goroutine running Python, or a helper.
type ThreadState struct {
	t       *pyrt.Thread // the core's thread
	ident   int64        // = t.Ident
	name    string       // for threads without a Python object yet
	obj     py.Object    // the threading.Thread instance, made lazily for workers
	daemon  bool
	started bool
	done    chan struct{} // closed when the thread has finished
	kind    string        // "main", "thread", "worker", "dummy"
}

var threadStateType = py.NewType("_thread_state", "internal handle of a Python thread")

// Type implements py.Object.
func (ts *ThreadState) Type() *py.Type { return threadStateType }

// newThreadState makes the state of a new Python thread and its core Thread.
func newThreadState(name, kind string, daemon bool) *ThreadState {
	t := pyrt.NewThread(name)
	ts := &ThreadState{t: t, ident: t.Ident, name: name, daemon: daemon, started: true, done: make(chan struct{}), kind: kind}
	t.Data = ts
	return ts
}

// threads is the thread bookkeeping of one interpreter.
type threads struct {
	mu       sync.Mutex
	alive    map[*ThreadState]struct{}
	main     *ThreadState
	helper   *ThreadState // runs callbacks queued from pipe readers
	counter  int          // Thread-N
	dummies  int          // Dummy-N
	nonDaem  []*ThreadState
	modCache py.StringDict // the threading module's globals
}

var threadsByInterp sync.Map // *Interp → *threads

// threadsOf returns it's thread bookkeeping, made on first use (which also
// registers the modules' exit work with the interpreter, if not yet done).
func threadsOf(it *pyrt.Interp) *threads {
	if v, ok := threadsByInterp.Load(it); ok {
		return v.(*threads)
	}
	th := &threads{alive: map[*ThreadState]struct{}{}}
	main := it.Main
	if main == nil {
		main = pyrt.NewThread("MainThread")
	}
	th.main = &ThreadState{t: main, ident: main.Ident, name: "MainThread", started: true, done: make(chan struct{}), kind: "main"}
	if main.Data == nil {
		main.Data = th.main
	}
	th.alive[th.main] = struct{}{}
	th.helper = newThreadState("Thread-callbacks", "thread", true)
	v, loaded := threadsByInterp.LoadOrStore(it, th)
	if !loaded {
		it.HoldModuleExit()
	}
	return v.(*threads)
}

// current returns the state of the thread holding the GIL (the caller holds
// it); a thread unknown to the module becomes a dummy (CPython's
// _DummyThread).
func (th *threads) current(it *pyrt.Interp) *ThreadState {
	t := it.CurrentThread()
	if ts, ok := t.Data.(*ThreadState); ok {
		return ts
	}
	if t == it.Main {
		return th.main
	}
	th.mu.Lock()
	th.dummies++
	ts := &ThreadState{t: t, ident: t.Ident, name: "Dummy-" + strconv.Itoa(th.dummies), started: true, done: make(chan struct{}), kind: "dummy", daemon: true}
	th.alive[ts] = struct{}{}
	th.mu.Unlock()
	t.Data = ts
	return ts
}

// RunAs takes the GIL and runs f as the Python thread ts.
func RunAs(it *pyrt.Interp, ts *ThreadState, f func()) {
	_ = it.RunThread(ts.t, func() error { f(); return nil })
}

// HelperThread is the Python thread pool callbacks and futures' done
// callbacks run as when no worker thread runs them.
func HelperThread(it *pyrt.Interp) *ThreadState { return threadsOf(it).helper }

// NextThreadNumber counts a thread made without a name: the N of its
// default name Thread-N.
func NextThreadNumber(it *pyrt.Interp) int {
	th := threadsOf(it)
	th.mu.Lock()
	defer th.mu.Unlock()
	th.counter++
	return th.counter
}

// WorkerThreads is the option of a thread pool or thread executor of it
// that makes each worker a Python thread (w's *ThreadState in
// pool.WorkerInfo.Value), named name(w), alive from then on.
func WorkerThreads(it *pyrt.Interp, daemon bool, name func(w pool.WorkerInfo) string) pool.Option {
	th := threadsOf(it)
	return pool.WorkerValue(func(w pool.WorkerInfo) any {
		ts := newThreadState(name(w), "worker", daemon)
		th.mu.Lock()
		th.alive[ts] = struct{}{}
		th.mu.Unlock()
		return ts
	})
}

// finish marks ts as no longer alive.
func (th *threads) finish(ts *ThreadState) {
	th.mu.Lock()
	delete(th.alive, ts)
	th.mu.Unlock()
}

// aliveList returns the live threads.
func (th *threads) aliveList() []*ThreadState {
	th.mu.Lock()
	defer th.mu.Unlock()
	out := make([]*ThreadState, 0, len(th.alive))
	for ts := range th.alive {
		out = append(out, ts)
	}
	return out
}

// pendingNonDaemon returns the started non-daemon threads that have not
// finished: what the interpreter waits for at exit.
func (th *threads) pendingNonDaemon() []*ThreadState {
	th.mu.Lock()
	defer th.mu.Unlock()
	var out []*ThreadState
	keep := th.nonDaem[:0]
	for _, ts := range th.nonDaem {
		select {
		case <-ts.done:
		default:
			out = append(out, ts)
			keep = append(keep, ts)
		}
	}
	th.nonDaem = keep
	return out
}
