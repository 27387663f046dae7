package pool

import (
	"sync/atomic"

	"github.com/pypool/pypool/pool/wire"
)

// A backend runs a Pool's jobs on a set of workers: goroutines (ThreadPool,
// thread_backend.go) or worker processes (Pool, the process half). The Pool
// front-end (pool.go) owns the state machine, the result cache, chunking and
// callbacks; a backend only runs jobs and reports each outcome once.
type backend interface {
	// submit queues a job. The backend calls j.finish exactly once, from
	// any goroutine, even when the job cannot run (terminate, a dead
	// worker, a broken pool).
	submit(j *job)
	// close says no more jobs will come: workers exit once the queue is
	// drained and the jobs they hold are finished.
	close()
	// terminate stops now: queued and running jobs finish with an error
	// (ErrTerminated unless something more precise is known). Calling it
	// after close is allowed.
	terminate()
	// join waits until every worker has exited. It is called only after
	// close or terminate.
	join()
}

// A job is one unit of work for a backend: a call, or a chunk of a map.
type job struct {
	fn     Callable // process backends need a Remote
	mode   wire.Mode
	args   []wire.Value // ModeCall: the arguments; ModeMap: the chunk's items; ModeStarmap: the chunk's argument tuples (each a wire.Tuple)
	kwargs []wire.KV    // ModeCall only
	// argsRange, when set (ModeMap), stands for args: the chunk's items
	// are its ints, made only where a backend needs them as values.
	argsRange *wire.IntRange
	// done receives the outcome: for ModeCall the return value, for the
	// chunk modes a wire.List with one result per item; or the error (the
	// first item's error for a chunk, as CPython's mapstar raises it).
	done     func(v wire.Value, err error)
	finished atomic.Bool
}

// finish delivers the job's outcome the first time it is called and reports
// whether it did; later calls are ignored, so a terminate racing with a
// worker's result cannot deliver twice.
func (j *job) finish(v wire.Value, err error) bool {
	if !j.finished.CompareAndSwap(false, true) {
		return false
	}
	j.done(v, err)
	return true
}

// backendConfig is what a backend is built from.
type backendConfig struct {
	workers          int
	initializer      Callable // nil: none; process backends need a Remote
	initargs         []wire.Value
	maxTasksPerChild int // 0: unlimited (thread backends ignore it)
	// workerValue, if set, is called once per worker goroutine as it is
	// created, in order; its result is WorkerInfo.Value (thread backends).
	workerValue func(WorkerInfo) any
	pool        int // the Pool's number, for WorkerInfo
}

// ErrTerminated is what a Pool's results fail with when Terminate stops
// them before they finish. (CPython's results then never become ready; a
// Get without a timeout would hang forever.)
var ErrTerminated error = &RuntimeError{Msg: "Pool was terminated before the task finished"}
