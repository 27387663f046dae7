package synchronize

import (
	"context"
	"math"
	"time"
)

// NoTimeout waits without limit: CPython's timeout=None (the same value as
// pool.NoTimeout).
const NoTimeout time.Duration = math.MaxInt64

// BrokenBarrierError is threading.BrokenBarrierError: the barrier was
// aborted, reset, or a wait on it timed out.
type BrokenBarrierError struct{}

func (*BrokenBarrierError) Error() string { return "broken barrier" }

type threadKey struct{}

// WithThread returns a context naming the calling thread: RLock ownership,
// IsMine and Condition's checks compare it. The bridge passes the Python
// thread's ident; a Go program gives each goroutine that shares an RLock
// its own id.
func WithThread(ctx context.Context, id uint64) context.Context {
	return context.WithValue(ctx, threadKey{}, id)
}

// threadOf is the thread named in ctx, 0 when none is.
func threadOf(ctx context.Context) uint64 {
	if ctx == nil {
		return 0
	}
	id, _ := ctx.Value(threadKey{}).(uint64)
	return id
}
