package pool

import (
	"fmt"
	"iter"
	"runtime"
	"time"

	"github.com/pypool/pypool/pool/wire"
)

// ProcessPoolExecutor runs calls in worker processes, after CPython's
// concurrent.futures.ProcessPoolExecutor. Workers are this program's binary
// re-executed (main must call ServeWorkerIfChild first), started on demand up
// to the maximum and named SpawnProcess-N. Functions must be Remotes: Go
// functions registered with Register, or what the bridge ships.
//
// A worker that dies breaks the executor, as in CPython: its pending and
// running futures fail with a *BrokenProcessPool ("A process in the process
// pool was terminated abruptly while the future was running or pending."),
// and so do later submits ("A child process terminated abruptly, the process
// pool is not usable anymore"). An initializer that fails kills its worker,
// with the same effect, after printing "Exception in initializer:" and the
// traceback to stderr.
//
// Done callbacks run in the goroutine that reads the worker's results: a
// callback that blocks delays that worker's other results.
type ProcessPoolExecutor struct {
	g *procGroup
}

var _ Executor = (*ProcessPoolExecutor)(nil)

// NewProcessPoolExecutor returns an executor. It accepts the options
// Workers (max_workers; default: the number of CPUs), Initializer (a Remote)
// and MaxTasksPerChild.
func NewProcessPoolExecutor(opts ...Option) (*ProcessPoolExecutor, error) {
	o := buildOptions(opts)
	if err := o.check("ProcessPoolExecutor", "workers", "initializer", "max_tasks_per_child"); err != nil {
		return nil, err
	}
	workers := runtime.NumCPU()
	if o.set["workers"] {
		if o.workers <= 0 {
			return nil, &ValueError{Msg: "max_workers must be greater than 0"}
		}
		workers = o.workers
	}
	var init Remote
	if o.initializer != nil {
		r, ok := o.initializer.(Remote)
		if !ok {
			return nil, &TypeError{Msg: fmt.Sprintf("a process pool's initializer must be a Remote (a function registered with pool.Register), not %T", o.initializer)}
		}
		init = r
	}
	if o.set["max_tasks_per_child"] && o.maxTasksPerChild <= 0 {
		return nil, &ValueError{Msg: "max_tasks_per_child must be >= 1"}
	}
	g := newProcGroup(procGroupConfig{
		prefix:       executorWorkerPrefix,
		workers:      workers,
		init:         init,
		initArgs:     o.initargs,
		maxTasks:     o.maxTasksPerChild,
		policy:       breakOnDeath,
		brokenErrors: executorBrokenErrors,
	})
	ex := &ProcessPoolExecutor{g: g}
	// An executor dropped without Shutdown lets its workers finish and exit.
	runtime.AddCleanup(ex, func(g *procGroup) { g.close(false) }, g)
	return ex, nil
}

// executorBrokenErrors are CPython's: one message for later submits, one
// for the futures that were pending or running. The cause (the initializer's
// exception, or how the worker died) is attached for errors.As/Is.
func executorBrokenErrors(lost *WorkerLostError, initErr *wire.Exception) (submit, task error) {
	var cause error = lost
	if initErr != nil {
		cause = initErr
	}
	return &BrokenProcessPool{BrokenExecutor{Msg: MsgChildTerminated, Cause: cause}},
		&BrokenProcessPool{BrokenExecutor{Msg: MsgProcessTerminated, Cause: cause}}
}

// MaxWorkers returns the maximum number of worker processes.
func (ex *ProcessPoolExecutor) MaxWorkers() int { return ex.g.cfg.workers }

// execTask is a submitted call: the group's task and its future in one
// allocation.
type execTask struct {
	procTask
	f Future[wire.Value]
}

func (t *execTask) start() bool {
	ok, _ := t.f.SetRunningOrNotifyCancel()
	return ok
}

func (t *execTask) cancel() { t.f.Cancel() }

func (t *execTask) done(v wire.Value, err error) {
	if err != nil {
		t.f.SetException(err)
	} else {
		t.f.SetResult(v)
	}
}

// SubmitCall schedules fn(*args, **kwargs) in a worker process and returns
// its future: CPython's executor.submit. fn must be a Remote. It fails with
// ErrShutdown after Shutdown and with a *BrokenProcessPool once the executor
// is broken. A call that raises (or returns an error, or panics) fails its
// future with a *wire.Exception.
func (ex *ProcessPoolExecutor) SubmitCall(fn Callable, args []wire.Value, kwargs []wire.KV) (*Future[wire.Value], error) {
	r, err := asRemote("submit", fn)
	if err != nil {
		return nil, err
	}
	t := &execTask{procTask: procTask{fn: r, mode: wire.ModeCall, args: args, kwargs: kwargs}}
	t.sink = t
	if err := ex.submit(&t.procTask); err != nil {
		return nil, err
	}
	return &t.f, nil
}

func (ex *ProcessPoolExecutor) submit(t *procTask) error {
	err := ex.g.submit(t)
	if err == errGroupClosed {
		return ErrShutdown
	}
	return err
}

// asRemote checks that fn can run in a worker process.
func asRemote(method string, fn Callable) (Remote, error) {
	if fn == nil {
		return nil, &TypeError{Msg: method + "() fn must be a callable, not nil"}
	}
	r, ok := fn.(Remote)
	if !ok {
		return nil, &TypeError{Msg: fmt.Sprintf("%s(): %T cannot run in a worker process: process pools need a Remote (a function registered with pool.Register)", method, fn)}
	}
	return r, nil
}

// MapCall is CPython's ProcessPoolExecutor.map: calls holds each call's
// positional arguments (map's iterables, zipped); they are sent in chunks of
// chunksize calls, each chunk one task in a worker (_process_chunk). All
// chunks are submitted at once; the iterator yields the results in input
// order. The timeout (NoTimeout: none) counts from this call; a call's error,
// or a *TimeoutError, is yielded once and ends the iteration; ending the
// iteration early cancels the chunks that have not started.
func (ex *ProcessPoolExecutor) MapCall(fn Callable, calls [][]wire.Value, timeout time.Duration, chunksize int) (iter.Seq2[wire.Value, error], error) {
	start := time.Now()
	if chunksize < 1 {
		return nil, &ValueError{Msg: "chunksize must be >= 1."}
	}
	r, err := asRemote("map", fn)
	if err != nil {
		return nil, err
	}
	fs := make([]*Future[wire.Value], 0, (len(calls)+chunksize-1)/chunksize)
	for lo := 0; lo < len(calls); lo += chunksize {
		hi := min(lo+chunksize, len(calls))
		chunk := make([]wire.Value, hi-lo)
		for i, args := range calls[lo:hi] {
			chunk[i] = wire.Tuple(args)
		}
		t := &execTask{procTask: procTask{fn: r, mode: wire.ModeStarmap, args: chunk}}
		t.sink = t
		if err := ex.submit(&t.procTask); err != nil {
			for _, f := range fs {
				f.Cancel()
			}
			return nil, err
		}
		fs = append(fs, &t.f)
	}
	return chunkResults(fs, timeout, start), nil
}

// chunkResults yields the items of each chunk's result list in turn
// (CPython's _chain_from_iterable_of_lists over Executor.map's iterator,
// resultsInOrder).
func chunkResults(fs []*Future[wire.Value], timeout time.Duration, start time.Time) iter.Seq2[wire.Value, error] {
	return func(yield func(wire.Value, error) bool) {
		for v, err := range resultsInOrder(fs, timeout, start) {
			if err != nil {
				yield(nil, err)
				return
			}
			items, ok := v.(wire.List)
			if !ok {
				yield(nil, fmt.Errorf("pool: a map chunk returned %s, not a list", typeName(v)))
				return
			}
			for _, x := range items {
				if !yield(x, nil) {
					return
				}
			}
		}
	}
}

// Shutdown stops the executor accepting work, as CPython's shutdown: with
// cancelFutures the calls not yet handed to a worker are cancelled; the
// others still run, and each worker exits once there is nothing left for it.
// With wait it returns once every worker process has exited. It may be
// called more than once. Do not call it with wait from a done callback.
func (ex *ProcessPoolExecutor) Shutdown(wait, cancelFutures bool) {
	ex.g.close(cancelFutures)
	if wait {
		ex.g.join()
	}
}
