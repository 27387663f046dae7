package pool

import (
	"context"
	"fmt"
	"iter"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pypool/pypool/pool/wire"
)

// ThreadPoolExecutor runs calls on a pool of worker goroutines, after
// CPython's concurrent.futures.ThreadPoolExecutor: a FIFO work queue served
// by long-lived workers, created on demand (a new worker only when no idle
// one is available, up to the maximum), an optional initializer per worker
// whose failure breaks the executor (BrokenThreadPool), and Shutdown with
// wait and cancelFutures.
//
// Go code submits functions with Submit and Map; the bridge submits
// Callables with SubmitCall and MapCall. A panicking call becomes its
// future's *PanicError. An executor that becomes unreachable without
// Shutdown lets its idle workers exit.
type ThreadPoolExecutor struct {
	s *threadExec
}

// threadExec is the executor's state, shared with its workers (which must
// not keep the ThreadPoolExecutor handle reachable).
type threadExec struct {
	// queue is popped without a lock; pushes happen under mu. Workers take
	// mu only to sleep, so while work keeps coming they never contend with
	// submitters for it.
	queue *workQueue

	mu      sync.Mutex
	cond    sync.Cond // workers sleep here for work; L is &mu
	waiting int       // workers blocked in cond.Wait
	threads int       // workers started (CPython's len(_threads); never decreases)
	alive   int       // workers not yet exited
	broken  error
	closed  bool // Shutdown was called

	// spinning counts workers looking at the queue before they sleep: a
	// submitter that sees one need not wake a sleeping worker.
	spinning atomic.Int32
	// idle is CPython's _idle_semaphore: released after each work item,
	// taken by a submit that then need not start a worker. Only submits
	// (under mu) take it; once every worker is started (full) nobody needs
	// it and workers stop releasing it.
	idle atomic.Int64
	full atomic.Bool

	maxWorkers  int
	prefix      string
	number      int // the executor's number, -1 with a custom prefix
	initializer Callable
	initargs    []wire.Value
	workerValue func(WorkerInfo) any
	wg          sync.WaitGroup
}

// A workItem is one queued call: CPython's _WorkItem.
type workItem interface {
	run(ctx context.Context)
	cancel()        // Shutdown(cancelFutures): cancel the future
	fail(err error) // the executor broke: fail the future
}

var threadExecutorCounter atomic.Int64

// workerSpins is how many times an idle worker yields and looks at the
// queue again before it sleeps.
const workerSpins = 8

// Interpreter shutdown (ShutdownThreadExecutors), as thread.py's _shutdown.
var (
	interpShutdown atomic.Bool
	liveMu         sync.Mutex
	liveExecutors  = map[*threadExec]struct{}{}
)

// DefaultThreadWorkers is CPython's default max_workers for a
// ThreadPoolExecutor: min(32, cpu count + 4).
func DefaultThreadWorkers() int { return min(32, runtime.NumCPU()+4) }

// NewThreadPoolExecutor returns an executor. It accepts the options
// Workers (max_workers; default DefaultThreadWorkers), Initializer,
// ThreadNamePrefix and WorkerValue.
func NewThreadPoolExecutor(opts ...Option) (*ThreadPoolExecutor, error) {
	o := buildOptions(opts)
	if err := o.check("ThreadPoolExecutor", "workers", "initializer", "thread_name_prefix", "worker_value"); err != nil {
		return nil, err
	}
	max := DefaultThreadWorkers()
	if o.set["workers"] {
		max = o.workers
	}
	if max <= 0 {
		return nil, &ValueError{Msg: "max_workers must be greater than 0"}
	}
	s := &threadExec{
		queue:       newWorkQueue(),
		maxWorkers:  max,
		number:      -1,
		prefix:      o.threadNamePrefix,
		initializer: o.initializer,
		initargs:    o.initargs,
		workerValue: o.workerValue,
	}
	s.cond.L = &s.mu
	if s.prefix == "" {
		s.number = int(threadExecutorCounter.Add(1) - 1)
		s.prefix = fmt.Sprintf("ThreadPoolExecutor-%d", s.number)
	}
	ex := &ThreadPoolExecutor{s: s}
	runtime.AddCleanup(ex, func(s *threadExec) { s.shutdown(false, false) }, s)
	return ex, nil
}

// MaxWorkers returns the maximum number of workers.
func (ex *ThreadPoolExecutor) MaxWorkers() int { return ex.s.maxWorkers }

// Submit schedules fn(ctx) on ex and returns its future. ctx carries the
// worker (WorkerOf). It fails with ErrShutdown after Shutdown, with
// ErrInterpreterShutdown after ShutdownThreadExecutors, and with a
// *BrokenThreadPool once an initializer failed.
func Submit[T any](ex *ThreadPoolExecutor, fn func(ctx context.Context) (T, error)) (*Future[T], error) {
	if fn == nil {
		return nil, &TypeError{Msg: "submit() fn must be a function, not nil"}
	}
	t := &goTask[T]{fn: fn}
	if err := ex.s.submit(t); err != nil {
		return nil, err
	}
	return &t.f, nil
}

// SubmitCall schedules fn.Call(ctx, args, kwargs) and returns its future:
// CPython's executor.submit(fn, *args, **kwargs). Errors are Submit's.
func (ex *ThreadPoolExecutor) SubmitCall(fn Callable, args []wire.Value, kwargs []wire.KV) (*Future[wire.Value], error) {
	if fn == nil {
		return nil, &TypeError{Msg: "submit() fn must be a callable, not nil"}
	}
	t := &callTask{fn: fn, args: args, kwargs: kwargs}
	if err := ex.s.submit(t); err != nil {
		return nil, err
	}
	return &t.f, nil
}

// Map submits fn(ctx, x) for every item at once and returns an iterator over
// the results in input order, as CPython's executor.map: the timeout
// (NoTimeout: none) counts from this call; a call's error, or a
// *TimeoutError, is yielded once and ends the iteration; ending the
// iteration early cancels the calls that have not started.
func Map[T, R any](ex *ThreadPoolExecutor, fn func(ctx context.Context, x T) (R, error), items []T, timeout time.Duration) (iter.Seq2[R, error], error) {
	if fn == nil {
		return nil, &TypeError{Msg: "map() fn must be a function, not nil"}
	}
	start := time.Now()
	fs := make([]*Future[R], 0, len(items))
	for _, x := range items {
		f, err := Submit(ex, func(ctx context.Context) (R, error) { return fn(ctx, x) })
		if err != nil {
			for _, f := range fs {
				f.Cancel()
			}
			return nil, err
		}
		fs = append(fs, f)
	}
	return resultsInOrder(fs, timeout, start), nil
}

// MapCall is Map for Callables: calls holds each call's positional
// arguments (the bridge zips map's iterables). chunksize is accepted and
// ignored, as by CPython's ThreadPoolExecutor.
func (ex *ThreadPoolExecutor) MapCall(fn Callable, calls [][]wire.Value, timeout time.Duration, chunksize int) (iter.Seq2[wire.Value, error], error) {
	start := time.Now()
	fs := make([]*Future[wire.Value], 0, len(calls))
	for _, args := range calls {
		f, err := ex.SubmitCall(fn, args, nil)
		if err != nil {
			for _, f := range fs {
				f.Cancel()
			}
			return nil, err
		}
		fs = append(fs, f)
	}
	return resultsInOrder(fs, timeout, start), nil
}

// resultsInOrder is the iterator of CPython's Executor.map: each result in
// turn (_result_or_cancel), the rest cancelled when the iteration ends.
func resultsInOrder[T any](fs []*Future[T], timeout time.Duration, start time.Time) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		i := 0
		defer func() {
			for _, f := range fs[i:] {
				f.Cancel()
			}
		}()
		for i < len(fs) {
			f := fs[i]
			i++
			wait := timeout
			if timeout != NoTimeout {
				wait = timeout - time.Since(start)
			}
			v, err := f.ResultTimeout(wait)
			f.Cancel()
			if err != nil {
				var zero T
				yield(zero, err)
				return
			}
			if !yield(v, nil) {
				return
			}
		}
	}
}

// Shutdown stops the executor accepting work, as CPython's shutdown: with
// cancelFutures the calls still queued are cancelled (their futures become
// Cancelled); the others still run. With wait it returns once every worker
// has exited. It may be called more than once. Do not call it with wait
// from one of ex's own calls.
func (ex *ThreadPoolExecutor) Shutdown(wait, cancelFutures bool) {
	ex.s.shutdown(wait, cancelFutures)
}

func (s *threadExec) shutdown(wait, cancelFutures bool) {
	s.mu.Lock()
	s.closed = true
	var cancelled []workItem
	if cancelFutures {
		for {
			w, ok := s.queue.pop()
			if !ok {
				break
			}
			cancelled = append(cancelled, w)
		}
	}
	s.cond.Broadcast()
	s.mu.Unlock()
	for _, w := range cancelled {
		w.cancel()
	}
	if wait {
		s.wg.Wait()
	}
}

// ShutdownThreadExecutors is for program exit, as CPython's _python_exit:
// later submits to any ThreadPoolExecutor fail with ErrInterpreterShutdown,
// and it returns once the queued work of every executor is done and all
// their workers have exited.
func ShutdownThreadExecutors() {
	interpShutdown.Store(true)
	liveMu.Lock()
	list := make([]*threadExec, 0, len(liveExecutors))
	for s := range liveExecutors {
		list = append(list, s)
	}
	liveMu.Unlock()
	for _, s := range list {
		s.mu.Lock()
		s.cond.Broadcast()
		s.mu.Unlock()
	}
	for _, s := range list {
		s.wg.Wait()
	}
}

// submit queues w and adjusts the worker count (_adjust_thread_count).
func (s *threadExec) submit(w workItem) error {
	s.mu.Lock()
	if s.broken != nil {
		s.mu.Unlock()
		return s.brokenError()
	}
	if s.closed {
		s.mu.Unlock()
		return ErrShutdown
	}
	if interpShutdown.Load() {
		s.mu.Unlock()
		return ErrInterpreterShutdown
	}
	s.queue.push(w)
	if s.waiting > 0 && s.spinning.Load() == 0 {
		s.cond.Signal()
	}
	index := -1
	if !s.full.Load() {
		if s.idle.Load() > 0 {
			s.idle.Add(-1) // only submits take it, and they hold mu
		} else if s.threads < s.maxWorkers {
			index = s.threads
			s.threads++
			s.alive++
			s.wg.Add(1)
			if s.threads == s.maxWorkers {
				s.full.Store(true)
			}
			if s.alive == 1 {
				liveMu.Lock()
				liveExecutors[s] = struct{}{}
				liveMu.Unlock()
			}
		}
	}
	s.mu.Unlock()
	if index >= 0 {
		s.startWorker(index)
	}
	return nil
}

func (s *threadExec) brokenError() error {
	return &BrokenThreadPool{BrokenExecutor{Msg: MsgInitializerFailedThread, Cause: s.broken}}
}

func (s *threadExec) startWorker(index int) {
	info := &WorkerInfo{Kind: "ThreadPoolExecutor", Pool: s.number, Index: index, Name: fmt.Sprintf("%s_%d", s.prefix, index)}
	if s.workerValue != nil {
		info.Value = callHook(s.workerValue, *info)
	}
	go s.worker(withWorker(context.Background(), info))
}

// callHook calls a WorkerValue hook; a panic in it is logged and yields nil.
func callHook(fn func(WorkerInfo) any, w WorkerInfo) (v any) {
	defer func() {
		if r := recover(); r != nil {
			logError("Exception in worker value hook:", newPanicError(r))
			v = nil
		}
	}()
	return fn(w)
}

// worker is CPython's _worker: run the initializer, then work items until
// the executor is shut down and the queue is empty.
func (s *threadExec) worker(ctx context.Context) {
	defer s.exited()
	if s.initializer != nil {
		if _, err := safeCall(ctx, s.initializer, s.initargs, nil); err != nil {
			logError("Exception in initializer:", err)
			s.initializerFailed(err)
			return
		}
	}
	for {
		w, ok := s.queue.pop()
		if !ok {
			if w, ok = s.spin(); !ok {
				if w, ok = s.sleep(); !ok {
					return
				}
			}
		}
		w.run(ctx)
		if !s.full.Load() {
			s.idle.Add(1)
		}
	}
}

// spin looks at the queue a few times, yielding in between, before the
// worker sleeps. A worker that finds an item while it was the last one
// spinning wakes a sleeper if more items are queued, so that a queued item
// is never left waiting while a worker runs a long call.
func (s *threadExec) spin() (workItem, bool) {
	s.spinning.Add(1)
	for range workerSpins {
		runtime.Gosched()
		if w, ok := s.queue.pop(); ok {
			if s.spinning.Add(-1) == 0 && s.queue.len() > 0 {
				s.wakeOne()
			}
			return w, true
		}
	}
	s.spinning.Add(-1)
	return nil, false
}

// wakeOne wakes a sleeping worker, if any.
func (s *threadExec) wakeOne() {
	s.mu.Lock()
	if s.waiting > 0 {
		s.cond.Signal()
	}
	s.mu.Unlock()
}

// sleep waits under mu until an item is queued (and returns it) or the
// executor is shut down with an empty queue (and returns false). Pushes
// happen under mu, so an empty queue seen here stays empty until Wait.
//
// A worker leaving here with more items queued than its own wakes the next
// sleeper, unless another worker spins: the submitters of those items may
// have counted on this worker (it was spinning) or on the one it woke.
func (s *threadExec) sleep() (workItem, bool) {
	s.mu.Lock()
	for {
		if n := s.queue.len(); n > 0 {
			if n > 1 && s.waiting > 0 && s.spinning.Load() == 0 {
				s.cond.Signal()
			}
			s.mu.Unlock()
			if w, ok := s.queue.pop(); ok {
				return w, true
			}
			s.mu.Lock()
			continue
		}
		if s.closed || interpShutdown.Load() {
			s.mu.Unlock()
			return nil, false
		}
		s.waiting++
		s.cond.Wait()
		s.waiting--
	}
}

func (s *threadExec) exited() {
	s.mu.Lock()
	s.alive--
	last := s.alive == 0
	s.mu.Unlock()
	if last {
		liveMu.Lock()
		delete(liveExecutors, s)
		liveMu.Unlock()
	}
	s.wg.Done()
}

// initializerFailed is CPython's _initializer_failed: the executor is broken
// and every queued work item fails with BrokenThreadPool.
func (s *threadExec) initializerFailed(err error) {
	s.mu.Lock()
	if s.broken == nil {
		s.broken = err
	}
	var items []workItem
	for {
		w, ok := s.queue.pop()
		if !ok {
			break
		}
		items = append(items, w)
	}
	s.mu.Unlock()
	for _, w := range items {
		w.fail(s.brokenError())
	}
}

// safeCall calls fn, turning a panic into a *PanicError.
func safeCall(ctx context.Context, fn Callable, args []wire.Value, kwargs []wire.KV) (v wire.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			v, err = nil, newPanicError(r)
		}
	}()
	return fn.Call(ctx, args, kwargs)
}

// goTask is a work item for a Go function; its future is embedded so that a
// submit allocates once.
type goTask[T any] struct {
	f  Future[T]
	fn func(context.Context) (T, error)
}

func (t *goTask[T]) run(ctx context.Context) {
	if ok, _ := t.f.SetRunningOrNotifyCancel(); !ok {
		return
	}
	v, err := t.call(ctx)
	t.fn = nil
	if err != nil {
		t.f.SetException(err)
		return
	}
	t.f.SetResult(v)
}

func (t *goTask[T]) call(ctx context.Context) (v T, err error) {
	defer func() {
		if r := recover(); r != nil {
			var zero T
			v, err = zero, newPanicError(r)
		}
	}()
	return t.fn(ctx)
}

func (t *goTask[T]) cancel()        { t.f.Cancel() }
func (t *goTask[T]) fail(err error) { t.f.SetException(err) }

// callTask is a work item for a Callable.
type callTask struct {
	f      Future[wire.Value]
	fn     Callable
	args   []wire.Value
	kwargs []wire.KV
}

func (t *callTask) run(ctx context.Context) {
	if ok, _ := t.f.SetRunningOrNotifyCancel(); !ok {
		return
	}
	v, err := safeCall(ctx, t.fn, t.args, t.kwargs)
	t.fn, t.args, t.kwargs = nil, nil, nil
	if err != nil {
		t.f.SetException(err)
		return
	}
	t.f.SetResult(v)
}

func (t *callTask) cancel()        { t.f.Cancel() }
func (t *callTask) fail(err error) { t.f.SetException(err) }
