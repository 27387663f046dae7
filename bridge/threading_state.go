package bridge

// Per-interpreter thread bookkeeping for the threading module: which Python
// thread each goroutine runs, the live threads, and the main thread.

import (
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/go-python/gpython/py"
)

// A threadState is one Python thread: a threading.Thread started from
// Python, the main thread, or a pool worker goroutine running Python.
type threadState struct {
	ident   int64
	name    string    // for threads without a Python object yet
	obj     py.Object // the threading.Thread instance, made lazily for workers
	daemon  bool
	started bool
	done    chan struct{} // closed when the thread has finished
	kind    string        // "main", "thread", "worker", "dummy"
}

var threadStateType = py.NewType("_thread_state", "internal handle of a Python thread")

// Type implements py.Object.
func (ts *threadState) Type() *py.Type { return threadStateType }

// threads is the thread bookkeeping of one interpreter.
type threads struct {
	mu        sync.Mutex
	byG       map[uint64]*threadState
	alive     map[*threadState]struct{}
	main      *threadState
	mainG     uint64
	counter   int // Thread-N
	dummies   int // Dummy-N
	nonDaem   []*threadState
	warned    map[string]bool // DeprecationWarning locations already shown
	modCache  py.StringDict   // the threading module's globals
	exitHooks []func()
}

var nextIdent atomic.Int64

func init() { nextIdent.Store(139_900_000_000_000) }

func newIdent() int64 { return nextIdent.Add(4096) }

var threadsOf sync.Map // *Interp → *threads

// threadsFor returns it's thread bookkeeping, made on first use; the
// goroutine that first asks is the main thread.
func (it *Interp) threads() *threads {
	if v, ok := threadsOf.Load(it); ok {
		return v.(*threads)
	}
	g := goid()
	th := &threads{
		byG:    map[uint64]*threadState{},
		alive:  map[*threadState]struct{}{},
		mainG:  g,
		warned: map[string]bool{},
	}
	th.main = &threadState{ident: newIdent(), name: "MainThread", started: true, done: make(chan struct{}), kind: "main"}
	th.byG[g] = th.main
	th.alive[th.main] = struct{}{}
	v, _ := threadsOf.LoadOrStore(it, th)
	return v.(*threads)
}

// current returns the thread state of the calling goroutine; an unknown
// goroutine becomes a dummy thread (as CPython's _DummyThread).
func (th *threads) current() *threadState {
	g := goid()
	th.mu.Lock()
	defer th.mu.Unlock()
	if ts, ok := th.byG[g]; ok {
		return ts
	}
	th.dummies++
	ts := &threadState{ident: newIdent(), name: "Dummy-" + strconv.Itoa(th.dummies), started: true, done: make(chan struct{}), kind: "dummy", daemon: true}
	th.byG[g] = ts
	th.alive[ts] = struct{}{}
	return ts
}

// bind makes ts the Python thread of the calling goroutine and returns a
// function undoing it.
func (th *threads) bind(ts *threadState) func() {
	g := goid()
	th.mu.Lock()
	prev, had := th.byG[g]
	th.byG[g] = ts
	th.alive[ts] = struct{}{}
	th.mu.Unlock()
	return func() {
		th.mu.Lock()
		if had {
			th.byG[g] = prev
		} else {
			delete(th.byG, g)
		}
		th.mu.Unlock()
	}
}

// bindPersistent makes ts the Python thread of the calling goroutine for
// good (a pool worker goroutine runs as one thread for its whole life).
func (th *threads) bindPersistent(ts *threadState) {
	g := goid()
	th.mu.Lock()
	if th.byG[g] != ts {
		th.byG[g] = ts
		th.alive[ts] = struct{}{}
	}
	th.mu.Unlock()
}

// bindIfUnknown makes the calling goroutine a nameless helper thread of
// the interpreter (CPython runs such callbacks in an executor's management
// thread) unless it already runs as one; it returns the undo function.
func (th *threads) bindIfUnknown() func() {
	g := goid()
	th.mu.Lock()
	_, known := th.byG[g]
	th.mu.Unlock()
	if known {
		return func() {}
	}
	ts := &threadState{ident: newIdent(), name: "Thread-callbacks", started: true, done: make(chan struct{}), kind: "thread", daemon: true}
	unbind := th.bind(ts)
	return func() {
		unbind()
		th.finish(ts)
	}
}

// finish marks ts as no longer alive.
func (th *threads) finish(ts *threadState) {
	th.mu.Lock()
	delete(th.alive, ts)
	th.mu.Unlock()
}

// aliveList returns the live threads.
func (th *threads) aliveList() []*threadState {
	th.mu.Lock()
	defer th.mu.Unlock()
	out := make([]*threadState, 0, len(th.alive))
	for ts := range th.alive {
		out = append(out, ts)
	}
	return out
}

// pendingNonDaemon returns the started non-daemon threads that have not
// finished: what the interpreter waits for at exit.
func (th *threads) pendingNonDaemon() []*threadState {
	th.mu.Lock()
	defer th.mu.Unlock()
	var out []*threadState
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
