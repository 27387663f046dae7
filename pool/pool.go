package pool

import (
	"bytes"
	"fmt"
	"iter"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/pypool/pypool/pool/wire"
)

// Pool is multiprocessing.Pool over a set of workers: worker goroutines
// (NewThreadPool, multiprocessing.pool.ThreadPool) or worker processes
// (NewPool). It mirrors CPython's design: a task handler goroutine feeds
// the task sequences to the workers in order (lazily for Imap), and ONE
// result handler goroutine records results and runs the callbacks, one at a
// time, in the order results arrive.
//
// States follow CPython: RUN, then CLOSE (Close: no new work, the queued
// work finishes) or TERMINATE (Terminate: stop now). Unlike CPython, whose
// results then never become ready, results still pending when the pool is
// terminated fail with ErrTerminated (their callbacks are not called).
type Pool struct {
	kind    string // "Pool" or "ThreadPool"
	workers int
	b       backend

	mu          sync.Mutex // guards state and the task queue
	taskCond    sync.Cond  // the task handler waits here; L is &mu
	state       poolState
	tasks       ring[*taskSeq]
	tasksClosed bool // no more task sequences (Close or Terminate)

	resMu     sync.Mutex // guards the result queue and the cache
	resCond   sync.Cond  // the result handler waits here; L is &resMu
	results   ring[resultMsg]
	cache     cacheList // the sinks not yet complete (CPython's _cache)
	tasksDone bool      // the task handler has exited
	stopped   bool      // Terminate: the result handler stops

	isTerminated atomic.Bool   // state == poolTerminate, read without mu
	terminatedCh chan struct{} // closed by Terminate: wakes a feeder waiting for room
	feedNudge    chan struct{} // closed and replaced (under mu) when work is queued or the state changes
	handlerGoid  atomic.Uint64 // the result handler goroutine's id
	terminating  sync.Once
	taskHandler  sync.WaitGroup
	resultHandle sync.WaitGroup
}

type poolState uint8

const (
	poolRun poolState = iota
	poolClose
	poolTerminate
)

// String is CPython's name of the state.
func (s poolState) String() string {
	return [...]string{"RUN", "CLOSE", "TERMINATE"}[s]
}

// A taskSeq is CPython's (taskseq, set_length) pair: the jobs of one call,
// produced on the task handler goroutine. run hands each job to submit
// (which returns false once the pool is terminated: then stop) and returns
// the number of results it produced (jobs, and errors of a lazy input
// delivered directly) and whether it ran to the end.
type taskSeq struct {
	run        func(submit func(*job) bool) (n int, ok bool)
	lengthSink resultSink // imap: told the number of results once known
}

// A resultSink receives results on the result handler goroutine: CPython's
// ApplyResult, MapResult and IMapIterator.
type resultSink interface {
	// set records result i and reports whether the sink is complete.
	set(i int, v wire.Value, err error) bool
	// setLength records the number of results (imap) and reports whether
	// the sink is complete.
	setLength(n int) bool
	// abort fails the sink without callbacks (Terminate).
	abort(err error)
	// entry links the sink into the pool's cache.
	entry() *cacheEntry
}

// cacheList is an intrusive doubly linked list of sinks: O(1) add and
// remove without hashing. Its owner locks around it.
type cacheList struct {
	head cacheEntry // sentinel
	n    int
}

// cacheEntry links a sink into a cacheList; sinks embed one.
type cacheEntry struct {
	prev, next *cacheEntry
	sink       resultSink
	linked     bool
}

func (c *cacheList) add(s resultSink) {
	if c.head.next == nil {
		c.head.next, c.head.prev = &c.head, &c.head
	}
	e := s.entry()
	if e.linked {
		return
	}
	e.sink, e.linked = s, true
	e.prev, e.next = c.head.prev, &c.head
	c.head.prev.next = e
	c.head.prev = e
	c.n++
}

func (c *cacheList) remove(s resultSink) {
	e := s.entry()
	if !e.linked {
		return
	}
	e.prev.next, e.next.prev = e.next, e.prev
	e.prev, e.next, e.sink, e.linked = nil, nil, nil, false
	c.n--
}

// drain empties the list and returns its sinks.
func (c *cacheList) drain() []resultSink {
	out := make([]resultSink, 0, c.n)
	for c.n > 0 {
		s := c.head.next.sink
		c.remove(s)
		out = append(out, s)
	}
	return out
}

type resultMsg struct {
	sink   resultSink
	i      int
	v      wire.Value
	err    error
	length bool // a setLength message: i is the length
}

var threadPoolCounter atomic.Int64

// NewThreadPool returns a ThreadPool (multiprocessing.pool.ThreadPool): a
// Pool whose workers are goroutines, all started now. It accepts the
// options Workers (processes; default runtime.NumCPU(), as CPython's
// os.cpu_count()), Initializer and WorkerValue. Calls get the worker in
// their context (WorkerOf; Kind "ThreadPool"). A worker whose initializer
// fails is logged and replaced; three failures in a row break the pool:
// pending and later results fail with a *BrokenThreadPool (CPython
// respawns forever).
func NewThreadPool(opts ...Option) (*Pool, error) {
	return newPool("ThreadPool", opts, newThreadBackend)
}

// newPool builds a Pool of the given kind ("Pool" or "ThreadPool") on the
// backend newBackend makes: NewPool and NewThreadPool. It validates the
// options as CPython's Pool.__init__ does.
func newPool(kind string, opts []Option, newBackend func(backendConfig) (backend, error)) (*Pool, error) {
	o := buildOptions(opts)
	allowed := []string{"workers", "initializer", "worker_value"}
	if kind == "Pool" {
		allowed = append(allowed, "max_tasks_per_child")
	}
	if err := o.check(kind, allowed...); err != nil {
		return nil, err
	}
	workers := runtime.NumCPU()
	if o.set["workers"] {
		workers = o.workers
	}
	if workers < 1 {
		return nil, &ValueError{Msg: "Number of processes must be at least 1"}
	}
	if o.set["max_tasks_per_child"] && o.maxTasksPerChild <= 0 {
		return nil, &ValueError{Msg: "maxtasksperchild must be a positive int or None"}
	}
	cfg := backendConfig{
		workers:          workers,
		initializer:      o.initializer,
		initargs:         o.initargs,
		maxTasksPerChild: o.maxTasksPerChild,
		workerValue:      o.workerValue,
	}
	if kind == "ThreadPool" {
		cfg.pool = int(threadPoolCounter.Add(1) - 1)
	}
	b, err := newBackend(cfg)
	if err != nil {
		return nil, err
	}
	p := &Pool{kind: kind, workers: workers, b: b, terminatedCh: make(chan struct{}), feedNudge: make(chan struct{})}
	p.taskCond.L = &p.mu
	p.resCond.L = &p.resMu
	p.taskHandler.Add(1)
	go p.handleTasks()
	p.resultHandle.Add(1)
	go p.handleResults()
	return p, nil
}

// String is CPython's repr, e.g. "<multiprocessing.pool.Pool state=RUN
// pool_size=4>".
func (p *Pool) String() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return fmt.Sprintf("<multiprocessing.pool.%s state=%s pool_size=%d>", p.kind, p.state, p.workers)
}

// Workers returns the number of workers.
func (p *Pool) Workers() int { return p.workers }

// CheckRunning returns CPython's ValueError "Pool not running" unless the
// pool still takes work (neither closed nor terminated).
func (p *Pool) CheckRunning() error { return p.checkRunning() }

// put queues a task sequence after registering sink in the cache; it fails
// with "Pool not running" unless the pool is running.
func (p *Pool) put(sink resultSink, seq *taskSeq) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.state != poolRun {
		return &ValueError{Msg: "Pool not running"}
	}
	if sink != nil {
		p.resMu.Lock()
		p.cache.add(sink)
		p.resMu.Unlock()
	}
	p.tasks.push(seq)
	p.taskCond.Signal()
	p.nudgeFeederLocked()
	return nil
}

func (p *Pool) checkRunning() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.state != poolRun {
		return &ValueError{Msg: "Pool not running"}
	}
	return nil
}

// deliver queues a result for the result handler; it is a job's done.
func (p *Pool) deliver(m resultMsg) {
	p.resMu.Lock()
	p.results.push(m)
	p.resCond.Signal()
	p.resMu.Unlock()
}

// handleTasks is CPython's _handle_tasks: it feeds each task sequence's
// jobs to the backend in order until Close or Terminate.
func (p *Pool) handleTasks() {
	defer p.taskHandler.Done()
	for {
		p.mu.Lock()
		for p.tasks.len() == 0 && !p.tasksClosed {
			p.taskCond.Wait()
		}
		seq, ok := p.tasks.pop()
		terminated := p.state == poolTerminate
		p.mu.Unlock()
		if !ok || terminated {
			break
		}
		n, ok := seq.run(p.submit)
		if ok && seq.lengthSink != nil {
			p.deliver(resultMsg{sink: seq.lengthSink, i: n, length: true})
		}
	}
	if !p.terminated() {
		p.b.close()
	}
	p.resMu.Lock()
	p.tasksDone = true
	p.resCond.Broadcast()
	p.resMu.Unlock()
}

func (p *Pool) terminated() bool { return p.isTerminated.Load() }

// submit hands a job to the backend unless the pool is terminated.
func (p *Pool) submit(j *job) bool {
	if p.terminated() {
		return false
	}
	p.b.submit(j)
	return true
}

// handleResults is CPython's _handle_results: it hands each result to its
// sink (running the callbacks) until the tasks are done and the cache is
// empty, or the pool is terminated.
func (p *Pool) handleResults() {
	defer p.resultHandle.Done()
	p.handlerGoid.Store(goid())
	p.resMu.Lock()
	for {
		for p.results.len() == 0 && !p.stopped && !(p.tasksDone && p.cache.n == 0) {
			p.resCond.Wait()
		}
		if p.stopped {
			break
		}
		m, ok := p.results.pop()
		if !ok {
			break // tasks done, cache empty
		}
		p.resMu.Unlock()
		var complete bool
		if m.length {
			complete = m.sink.setLength(m.i)
		} else {
			complete = m.sink.set(m.i, m.v, m.err)
		}
		p.resMu.Lock()
		if complete {
			p.cache.remove(m.sink)
		}
	}
	// Terminated: what is still in the cache fails.
	sinks := p.cache.drain()
	p.results = ring[resultMsg]{}
	p.resMu.Unlock()
	for _, s := range sinks {
		s.abort(ErrTerminated)
	}
}

// onResultHandler reports whether the caller runs on the result handler
// goroutine (in a callback), as CPython's checks of current_thread().
func (p *Pool) onResultHandler() bool {
	id := p.handlerGoid.Load()
	return id != 0 && id == goid()
}

// goid returns the calling goroutine's id, read from its stack header.
func goid() uint64 {
	var buf [64]byte
	b := buf[:runtime.Stack(buf[:], false)]
	b = bytes.TrimPrefix(b, []byte("goroutine "))
	var id uint64
	for _, c := range b {
		if c < '0' || c > '9' {
			break
		}
		id = id*10 + uint64(c-'0')
	}
	return id
}

// Close stops the pool accepting work; the work already submitted still
// runs, and the workers exit when it is done. Then call Join.
func (p *Pool) Close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.state == poolRun {
		p.state = poolClose
		p.tasksClosed = true
		p.taskCond.Broadcast()
		p.nudgeFeederLocked()
	}
}

// Terminate stops the pool at once: queued work is dropped, and results
// not yet ready fail with ErrTerminated (a thread backend cannot stop a
// call that is running: it finishes, unseen). It returns once the pool's
// handler goroutines have stopped; then call Join to wait for the workers.
// Calling it again does nothing.
func (p *Pool) Terminate() {
	p.terminating.Do(func() {
		p.mu.Lock()
		p.state = poolTerminate
		p.isTerminated.Store(true)
		close(p.terminatedCh)
		p.tasksClosed = true
		p.taskCond.Broadcast()
		p.mu.Unlock()
		p.resMu.Lock()
		p.stopped = true
		p.resCond.Broadcast()
		p.resMu.Unlock()
		p.b.terminate()
		p.taskHandler.Wait()
		if !p.onResultHandler() { // from a callback: do not wait for ourselves
			p.resultHandle.Wait()
		}
	})
}

// Join waits for the workers to exit. It is a *ValueError ("Pool is still
// running") to call it before Close or Terminate.
func (p *Pool) Join() error {
	p.mu.Lock()
	state := p.state
	p.mu.Unlock()
	if state == poolRun {
		return &ValueError{Msg: "Pool is still running"}
	}
	p.taskHandler.Wait()
	if !p.onResultHandler() {
		p.resultHandle.Wait()
	}
	p.b.join()
	return nil
}

// Apply calls fn(*args, **kwargs) in a worker and returns its result (a
// blocking ApplyAsync).
func (p *Pool) Apply(fn Callable, args []wire.Value, kwargs []wire.KV) (wire.Value, error) {
	r, err := p.ApplyAsync(fn, args, kwargs, nil, nil)
	if err != nil {
		return nil, err
	}
	return r.Get(NoTimeout)
}

// ApplyAsync schedules fn(*args, **kwargs) and returns its AsyncResult.
// When the call succeeds, callback (if not nil) gets its result; when it
// fails, errorCallback (if not nil) gets the error. Callbacks run on the
// pool's result handler goroutine, one at a time, before the result becomes
// ready; they should return quickly. A callback that returns an error or
// panics is logged (see SetLogger) and the pool keeps working.
func (p *Pool) ApplyAsync(fn Callable, args []wire.Value, kwargs []wire.KV, callback func(wire.Value) error, errorCallback func(error) error) (*AsyncResult, error) {
	if fn == nil {
		return nil, &TypeError{Msg: "apply_async() func must be a callable, not nil"}
	}
	r := newApplyResult(callback, errorCallback)
	j := &job{fn: fn, mode: wire.ModeCall, args: args, kwargs: kwargs}
	j.done = func(v wire.Value, err error) { p.deliver(resultMsg{sink: r, v: v, err: err}) }
	seq := &taskSeq{run: func(submit func(*job) bool) (int, bool) { return 1, submit(j) }}
	if err := p.put(r, seq); err != nil {
		return nil, err
	}
	return r, nil
}

// Map applies fn to every item in a worker, in chunks, and returns the
// results in order; the first error fails it (after all chunks are done).
// chunksize 0 picks CPython's default: len(items) / (4 * workers), rounded
// up. A negative chunksize is a *ValueError.
func (p *Pool) Map(fn Callable, items []wire.Value, chunksize int) (wire.List, error) {
	r, err := p.MapAsync(fn, items, chunksize, nil, nil)
	if err != nil {
		return nil, err
	}
	v, err := r.Get(NoTimeout)
	if err != nil {
		return nil, err
	}
	return v.(wire.List), nil
}

// MapAsync is the asynchronous Map: the AsyncResult's value is a wire.List.
// callback gets the whole list; errorCallback the first error. As in
// CPython, an empty map is ready at once and calls neither.
func (p *Pool) MapAsync(fn Callable, items []wire.Value, chunksize int, callback func(wire.Value) error, errorCallback func(error) error) (*AsyncResult, error) {
	return p.mapAsync("map", fn, len(items), sliceItems(items), wire.ModeMap, chunksize, callback, errorCallback)
}

// MapRangeAsync is MapAsync over the n ints start, start+step, …: each
// chunk is sent as its ints without the items being made as values (for
// Python's Pool.map over a range: the first chunk goes out at once, and a
// 200k-item map makes no 200k-item list).
func (p *Pool) MapRangeAsync(fn Callable, start, step int64, n int, chunksize int, callback func(wire.Value) error, errorCallback func(error) error) (*AsyncResult, error) {
	if n < 0 {
		return nil, &ValueError{Msg: fmt.Sprintf("map: %d items", n)}
	}
	fill := func(j *job, from, to int) {
		j.argsRange = &wire.IntRange{Start: start + int64(from)*step, Step: step, Len: to - from}
	}
	return p.mapAsync("map", fn, n, fill, wire.ModeMap, chunksize, callback, errorCallback)
}

// Starmap is Map where each item holds a call's positional arguments:
// fn(*calls[i]).
func (p *Pool) Starmap(fn Callable, calls [][]wire.Value, chunksize int) (wire.List, error) {
	r, err := p.StarmapAsync(fn, calls, chunksize, nil, nil)
	if err != nil {
		return nil, err
	}
	v, err := r.Get(NoTimeout)
	if err != nil {
		return nil, err
	}
	return v.(wire.List), nil
}

// StarmapAsync is the asynchronous Starmap.
func (p *Pool) StarmapAsync(fn Callable, calls [][]wire.Value, chunksize int, callback func(wire.Value) error, errorCallback func(error) error) (*AsyncResult, error) {
	items := make([]wire.Value, len(calls))
	for i, c := range calls {
		items[i] = wire.Tuple(c)
	}
	return p.mapAsync("starmap", fn, len(items), sliceItems(items), wire.ModeStarmap, chunksize, callback, errorCallback)
}

// defaultChunksize is CPython's rule for map: divmod(len, 4*workers),
// plus one if there is a remainder; 0 for no items.
func defaultChunksize(n, workers int) int {
	cs, extra := n/(4*workers), n%(4*workers)
	if extra != 0 {
		cs++
	}
	return cs
}

// sliceItems fills a chunk's job with items[from:to].
func sliceItems(items []wire.Value) func(j *job, from, to int) {
	return func(j *job, from, to int) { j.args = items[from:to] }
}

// mapAsync maps fn over n items in chunks, fill(j, from, to) giving job j
// the items [from, to).
func (p *Pool) mapAsync(name string, fn Callable, n int, fill func(j *job, from, to int), mode wire.Mode, chunksize int, callback func(wire.Value) error, errorCallback func(error) error) (*AsyncResult, error) {
	if fn == nil {
		return nil, &TypeError{Msg: name + "() func must be a callable, not nil"}
	}
	if chunksize < 0 {
		return nil, &ValueError{Msg: fmt.Sprintf("Chunksize must be 1+, not %d", chunksize)}
	}
	if err := p.checkRunning(); err != nil {
		return nil, err
	}
	if chunksize == 0 {
		chunksize = defaultChunksize(n, p.workers)
	}
	if n == 0 {
		chunksize = 0
	}
	r := newMapResult(chunksize, n, callback, errorCallback)
	if chunksize == 0 {
		return r, nil // ready at once; CPython queues an empty task sequence
	}
	window := p.newFeedWindow(false)
	seq := &taskSeq{run: func(submit func(*job) bool) (int, bool) {
		i := 0
		for start := 0; start < n; start += chunksize {
			if !window.take() {
				return i, false
			}
			j := &job{fn: fn, mode: mode}
			fill(j, start, min(start+chunksize, n))
			idx := i
			j.done = func(v wire.Value, err error) {
				window.finished()
				p.deliver(resultMsg{sink: r, i: idx, v: v, err: err})
			}
			if !submit(j) {
				return i, false
			}
			i++
		}
		return i, true
	}}
	if err := p.put(r, seq); err != nil {
		return nil, err
	}
	return r, nil
}

// Values adapts a slice to the input of Imap and ImapUnordered.
func Values(xs []wire.Value) iter.Seq2[wire.Value, error] {
	return func(yield func(wire.Value, error) bool) {
		for _, x := range xs {
			if !yield(x, nil) {
				return
			}
		}
	}
}
