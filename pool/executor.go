package pool

import (
	"iter"
	"time"

	"github.com/pypool/pypool/pool/wire"
)

// Executor is what ThreadPoolExecutor and ProcessPoolExecutor have in
// common: CPython's concurrent.futures.Executor for Callables.
type Executor interface {
	// SubmitCall schedules fn(*args, **kwargs) and returns its future.
	SubmitCall(fn Callable, args []wire.Value, kwargs []wire.KV) (*Future[wire.Value], error)
	// MapCall submits fn(*calls[i]) for every i and returns the results
	// in input order; see ThreadPoolExecutor.MapCall.
	MapCall(fn Callable, calls [][]wire.Value, timeout time.Duration, chunksize int) (iter.Seq2[wire.Value, error], error)
	// Shutdown stops accepting work; see ThreadPoolExecutor.Shutdown.
	Shutdown(wait, cancelFutures bool)
}

var _ Executor = (*ThreadPoolExecutor)(nil)
