package pool

import (
	"context"

	"github.com/pypool/pypool/pool/wire"
)

// A Callable is what an executor or Pool runs. Thread-backed pools call it
// in-process, from a worker goroutine; ctx carries the worker (see WorkerOf).
// Values are opaque to thread-backed pools (the bridge passes Python objects
// through them); process-backed pools need wire values.
type Callable interface {
	Call(ctx context.Context, args []wire.Value, kwargs []wire.KV) (wire.Value, error)
}

// A Remote is a Callable that a worker process can rebuild: process-backed
// pools accept only Remotes. The engine sends its Definition once per worker
// (a Define message) and caches the id under the Remote itself, so a Remote's
// dynamic type must be comparable (a pointer, or a small struct).
type Remote interface {
	Callable
	// Definition is the runtime kind and the payload of the Define message.
	Definition() (runtime string, payload wire.Value, err error)
}
