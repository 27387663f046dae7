package pyobj

// Per-interpreter thread bookkeeping for the threading module. The
// interpreter core records which Python thread (*Thread) holds the GIL; the
// module keeps its own state for each in Thread.Data.

import (
	"strconv"
	"sync"

	"github.com/go-python/gpython/py"
)

// A threadState is the threading module's view of one Python thread: a
// threading.Thread started from Python, the main thread, a pool worker
// goroutine running Python, or a helper.
type ThreadState struct {
	t       *Thread   // the core's thread
	ident   int64     // = t.Ident
	name    string    // for threads without a Python object yet
	obj     py.Object // the threading.Thread instance, made lazily for workers
	daemon  bool
	started bool
	done    chan struct{} // closed when the thread has finished
	kind    string        // "main", "thread", "worker", "dummy"
}

var threadStateType = py.NewType("_thread_state", "internal handle of a Python thread")

// Type implements py.Object.
func (ts *ThreadState) Type() *py.Type { return threadStateType }

// NewThreadState makes the state of a new Python thread and its core Thread.
func NewThreadState(name, kind string, daemon bool) *ThreadState {
	t := NewThread(name)
	ts := &ThreadState{t: t, ident: t.Ident, name: name, daemon: daemon, started: true, done: make(chan struct{}), kind: kind}
	t.Data = ts
	return ts
}

// threads is the thread bookkeeping of one interpreter.
type threads struct {
	Mu        sync.Mutex
	Alive     map[*ThreadState]struct{}
	main      *ThreadState
	Helper    *ThreadState // runs callbacks queued from pipe readers
	Counter   int          // Thread-N
	dummies   int          // Dummy-N
	nonDaem   []*ThreadState
	modCache  py.StringDict // the threading module's globals
	exitHooks []func()
	lateHooks []func()
}

var threadsOf sync.Map // *Interp → *threads

// Threads returns it's thread bookkeeping, made on first use (which also
// registers the modules' exit work with the interpreter).
func (it *Interp) Threads() *threads {
	if v, ok := threadsOf.Load(it); ok {
		return v.(*threads)
	}
	th := &threads{Alive: map[*ThreadState]struct{}{}}
	main := it.Main
	if main == nil {
		main = NewThread("MainThread")
	}
	th.main = &ThreadState{t: main, ident: main.Ident, name: "MainThread", started: true, done: make(chan struct{}), kind: "main"}
	if main.Data == nil {
		main.Data = th.main
	}
	th.Alive[th.main] = struct{}{}
	th.Helper = NewThreadState("Thread-callbacks", "thread", true)
	v, loaded := threadsOf.LoadOrStore(it, th)
	if !loaded {
		it.AtExit(it.atExit)
	}
	return v.(*threads)
}

// current returns the state of the thread holding the GIL (the caller holds
// it); a thread unknown to the module becomes a dummy (CPython's
// _DummyThread).
func (th *threads) current(it *Interp) *ThreadState {
	t := it.CurrentThread()
	if ts, ok := t.Data.(*ThreadState); ok {
		return ts
	}
	if t == it.Main {
		return th.main
	}
	th.Mu.Lock()
	th.dummies++
	ts := &ThreadState{t: t, ident: t.Ident, name: "Dummy-" + strconv.Itoa(th.dummies), started: true, done: make(chan struct{}), kind: "dummy", daemon: true}
	th.Alive[ts] = struct{}{}
	th.Mu.Unlock()
	t.Data = ts
	return ts
}

// run takes the GIL and runs f as the Python thread ts.
func (it *Interp) RunAs(ts *ThreadState, f func()) {
	_ = it.RunThread(ts.t, func() error { f(); return nil })
}

// finish marks ts as no longer alive.
func (th *threads) finish(ts *ThreadState) {
	th.Mu.Lock()
	delete(th.Alive, ts)
	th.Mu.Unlock()
}

// aliveList returns the live threads.
func (th *threads) aliveList() []*ThreadState {
	th.Mu.Lock()
	defer th.Mu.Unlock()
	out := make([]*ThreadState, 0, len(th.Alive))
	for ts := range th.Alive {
		out = append(out, ts)
	}
	return out
}

// pendingNonDaemon returns the started non-daemon threads that have not
// finished: what the interpreter waits for at exit.
func (th *threads) pendingNonDaemon() []*ThreadState {
	th.Mu.Lock()
	defer th.Mu.Unlock()
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
