package pool

import "context"

// WorkerInfo describes the worker goroutine that runs a call on a thread
// executor or a ThreadPool; WorkerOf finds it in the call's context.
type WorkerInfo struct {
	// Kind is "ThreadPoolExecutor" or "ThreadPool".
	Kind string
	// Pool numbers the executors (and, separately, the ThreadPools) of this
	// process from 0, in creation order: ThreadPoolExecutor-<Pool>.
	Pool int
	// Index numbers the workers of one executor or pool from 0, in
	// creation order.
	Index int
	// Name is the worker's thread name where CPython's is fixed by the
	// engine: "<thread_name_prefix>_<Index>" for a ThreadPoolExecutor
	// ("ThreadPoolExecutor-0_0" without a prefix). Empty for a ThreadPool,
	// whose threads CPython names from threading's global counter.
	Name string
	// Value is what the options' WorkerValue hook returned for this
	// worker (nil without a hook): the bridge keeps its thread object here.
	Value any
}

type workerKey struct{}

// WorkerOf returns the worker running the call whose context is ctx.
func WorkerOf(ctx context.Context) (*WorkerInfo, bool) {
	w, ok := ctx.Value(workerKey{}).(*WorkerInfo)
	return w, ok
}

func withWorker(ctx context.Context, w *WorkerInfo) context.Context {
	return context.WithValue(ctx, workerKey{}, w)
}
